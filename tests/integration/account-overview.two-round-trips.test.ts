// Threat: the account overview grows a query per row it shows (it was five round trips a view),
// so the signed-in page falls far below the framework's floor under load (issue 19, decision 068).
// Guarantee: a view's data is the session lookup plus one query, and that query says what the
// separate reads said.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb, tables } from "@/lib/db";
import { newTotpSecret } from "@/lib/security/codes/totp";
import { saveCodeMethod } from "@/lib/security/codes/store";
import { generateRecoveryCodes, consumeRecoveryCode } from "@/lib/security/recovery-codes/store";
import { countPasskeys } from "@/lib/security/passkeys/credentials";
import { createSession, findActiveSession } from "@/lib/security/sessions/store";
import { loadAccountOverview } from "@/lib/security/lifecycle/account-overview";
import { newCtx, registerConfirmed, uniqueEmail } from "../support/flows";
import { saveMethod } from "../support/two-factor";

/** Every statement drizzle sends goes through its session's logger: counting those calls counts round trips. */
async function countingQueries(): Promise<{ count: () => number; restore: () => void }> {
  const db = await getDb();
  const logger = (db as unknown as { session: { logger: { logQuery: (q: string, p: unknown[]) => void } } }).session.logger;
  const spy = vi.spyOn(logger, "logQuery");
  return { count: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
}

describe("the account overview's data", () => {
  let counting: Awaited<ReturnType<typeof countingQueries>> | null = null;
  beforeEach(() => {
    counting = null;
  });
  afterEach(() => counting?.restore());

  it("is the session lookup plus one query, for an account with every factor", async () => {
    const user = await registerConfirmed(uniqueEmail("overview"));
    await saveMethod(user.id, "authenticator");
    const db = await getDb();
    await saveCodeMethod("sign-in", user.id, { method: "email", secret: newTotpSecret(), phone: null, timeStep: 0 }, db);
    const codes = await generateRecoveryCodes(user.id, newCtx());
    expect(await consumeRecoveryCode(user.id, codes[0]!)).toBe(true);
    await db.insert(tables.webauthnCredentials).values([
      { userId: user.id, credentialId: `cred-a-${user.id}`, publicKey: "AA", usage: "first", name: "Laptop", deviceType: "singleDevice" },
      { userId: user.id, credentialId: `cred-b-${user.id}`, publicKey: "AA", usage: "secondary", name: "Key", deviceType: "singleDevice" },
    ]);
    expect(await countPasskeys(user.id)).toBe(2);
    const { token } = await createSession(user, { authnVia: ["password"], remember: false, ctx: newCtx() });
    await findActiveSession(token); // the first lookup may write last-seen; a view's lookup is a read

    counting = await countingQueries();
    const active = await findActiveSession(token);
    const overview = await loadAccountOverview(active!.user.id);
    expect(counting.count()).toBe(2);
    expect(overview).toEqual({
      twoFactorMethod: "authenticator",
      recoveryCodes: { total: codes.length, remaining: codes.length - 1 },
      passkeys: 2,
      signInMethods: ["email"],
    });
  });

  it("says none of each for a new account, in one query", async () => {
    const user = await registerConfirmed(uniqueEmail("overview-empty"));
    counting = await countingQueries();
    expect(await loadAccountOverview(user.id)).toEqual({ twoFactorMethod: null, recoveryCodes: { total: 0, remaining: 0 }, passkeys: 0, signInMethods: [] });
    expect(counting.count()).toBe(1);
  });
});
