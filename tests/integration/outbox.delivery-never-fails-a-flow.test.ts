// Threat: a mail or SMS provider that is down or slow fails a flow after its change was committed
// (a spent recovery code with no session, a changed password that signs the user out), or sends a
// message twice from two instances, or loses it. Guarantee: messages are written with the change,
// delivered after it with retries and backoff, exactly once, and given up loudly.
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb, tables } from "@/lib/db";
import { setMailTransport, type MailMessage, type MailTransport } from "@/lib/mail";
import { deliverOutbox } from "@/lib/outbox/deliver";
import { listUndeliverable, outboxBacklog } from "@/lib/outbox/report";
import { logger } from "@/lib/observability/logger";
import { queueEmail } from "@/lib/outbox/queue";
import { requestPasswordReset } from "@/lib/security/passwords/reset";
import { newCtx, registerConfirmed, uniqueEmail, withEnv } from "../support/flows";

type Row = typeof tables.outbox.$inferSelect;

async function rowsTo(to: string): Promise<Row[]> {
  const db = await getDb();
  return db.select().from(tables.outbox).where(eq(tables.outbox.to, to));
}

async function makeDue(to: string): Promise<void> {
  const db = await getDb();
  await db
    .update(tables.outbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(tables.outbox.to, to));
}

function capturing(behaviour: (message: MailMessage) => Promise<void> = async () => {}): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    name: "test",
    sent,
    async send(message) {
      await behaviour(message);
      sent.push(message);
    },
  };
}

afterEach(() => {
  setMailTransport(null);
  vi.restoreAllMocks();
});

describe("the outbox", () => {
  it("a flow succeeds while the provider is down; the message is retried with backoff and sent once it is back", async () => {
    const email = uniqueEmail("outbox-down");
    await registerConfirmed(email);
    const down = capturing(async () => {
      throw new Error("provider unavailable");
    });
    setMailTransport(down);
    vi.spyOn(logger(), "warn").mockImplementation(() => {});
    expect(await requestPasswordReset(email, newCtx())).toEqual({ ok: true });
    const [queued] = (await rowsTo(email)).filter((r) => r.template === "reset_instructions");
    expect(queued).toMatchObject({ status: "pending", kind: "email", attempts: 0 });
    // The link is in the props, encrypted at rest.
    expect(queued!.payloadEncrypted).not.toContain("reset-password");

    expect(await deliverOutbox({ ids: [queued!.id] })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const retry = (await rowsTo(email)).find((r) => r.id === queued!.id)!;
    expect(retry).toMatchObject({ status: "pending", attempts: 1, lastError: "Error: provider unavailable" });
    expect(retry.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: a pass leaves it alone.
    expect(await deliverOutbox({ ids: [queued!.id] })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const up = capturing();
    setMailTransport(up);
    await makeDue(email);
    expect(await deliverOutbox({ ids: [queued!.id] })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(up.sent).toHaveLength(1);
    expect(up.sent[0]?.text).toContain("/reset-password/");
    const sent = (await rowsTo(email)).find((r) => r.id === queued!.id)!;
    expect(sent).toMatchObject({ status: "sent", transport: "test", attempts: 2, payloadEncrypted: null });
  });

  it("gives up after SECURITY_OUTBOX_GIVE_UP_AFTER, logs it, and lists it for operators", async () => {
    await withEnv({ SECURITY_OUTBOX_GIVE_UP_AFTER: "1s" }, async () => {
      const to = uniqueEmail("outbox-give-up");
      await queueEmail("login_instructions", to, { appName: "Gatehouse", email: to, loginLink: "https://app.test/login/magic/x", within: "1 day" });
      const db = await getDb();
      await db
        .update(tables.outbox)
        .set({ at: sql`now() - interval '1 minute'` })
        .where(eq(tables.outbox.to, to));
      setMailTransport(
        capturing(async () => {
          throw new Error("mailbox unavailable");
        }),
      );
      const logged = vi.spyOn(logger(), "error").mockImplementation(() => {});
      const before = await outboxBacklog();
      expect(await deliverOutbox()).toMatchObject({ failed: 1 });
      const [row] = await rowsTo(to);
      expect(row).toMatchObject({ status: "failed", payloadEncrypted: null, lastError: "Error: mailbox unavailable" });
      // One JSON log line an operator can alert on, naming the message and not the person.
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ outboxId: row!.id, outcome: "gave_up", reason: "Error: mailbox unavailable" }),
        expect.stringContaining("giving up"),
      );
      expect(JSON.stringify(logged.mock.calls)).not.toContain(to);
      expect((await listUndeliverable()).map((r) => r.id)).toContain(row!.id);
      expect((await outboxBacklog()).failed).toBe(before.failed + 1);
    });
  });

  it("a rolled-back transaction leaves no message", async () => {
    const to = uniqueEmail("outbox-rollback");
    const db = await getDb();
    await db
      .transaction(async (tx) => {
        await queueEmail("login_instructions", to, { appName: "Gatehouse", email: to, loginLink: "https://app.test/l", within: "1 day" }, tx);
        tx.rollback();
      })
      .catch(() => {});
    expect(await rowsTo(to)).toEqual([]);
  });

  it("two deliverers at once send each message exactly once", async () => {
    const to = uniqueEmail("outbox-race");
    for (let i = 0; i < 6; i++)
      await queueEmail("login_instructions", to, { appName: "Gatehouse", email: to, loginLink: `https://app.test/${i}`, within: "1 day" });
    const slow = capturing(() => new Promise((r) => setTimeout(r, 30)));
    setMailTransport(slow);
    const ids = (await rowsTo(to)).map((r) => r.id);
    const reports = await Promise.all([deliverOutbox({ ids }), deliverOutbox({ ids }), deliverOutbox({ ids })]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(slow.sent).toHaveLength(6);
    expect(new Set(slow.sent.map((m) => m.text)).size).toBe(6);
  });

  it("a message claimed by an instance that died is delivered once its lease lapses", async () => {
    const to = uniqueEmail("outbox-lease");
    await queueEmail("login_instructions", to, { appName: "Gatehouse", email: to, loginLink: "https://app.test/lease", within: "1 day" });
    const db = await getDb();
    // As a worker leaves it when its process is killed mid-send.
    await db
      .update(tables.outbox)
      .set({ status: "sending", attempts: 1, claimedUntil: sql`now() + interval '1 minute'` })
      .where(eq(tables.outbox.to, to));
    const up = capturing();
    setMailTransport(up);
    const ids = (await rowsTo(to)).map((r) => r.id);
    expect(await deliverOutbox({ ids })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await db
      .update(tables.outbox)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(tables.outbox.to, to));
    expect(await deliverOutbox({ ids })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(up.sent).toHaveLength(1);
  });
});
