// Threat: a passkey name with a lone surrogate ("x\ud800y") was saved while its activity event
// failed (jsonb refuses it), leaving a change nobody can see in the log. Guarantee: refused, nothing written; write + event are atomic.
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { invalidInput, wordFailure } from "@/lib/view/form-state";
import { recordEvent } from "@/lib/security/core/events";
import { beginPasskeyRegistration } from "@/lib/security/passkeys/registration";
import { deletePasskey, renamePasskey } from "@/lib/security/passkeys/manage";
import { addPasskeySchema, INVALID_TEXT_MESSAGE, renamePasskeySchema } from "@/lib/security/core/schemas";
import { plainSchemaText } from "@/lib/view/schema-words";
import { newCtx } from "../support/flows";
import { addPasskey, passkeyRow, signedInUser } from "../support/passkeys";
import { eventsOf } from "../support/two-factor";
import { SoftwareAuthenticator } from "../support/webauthn-authenticator";

const LONE = ["x\ud800y", "\udfff", "name\ud83d"];
// Makes the activity log refuse one event type, as a full disk or a dropped connection would.
const REFUSE = "gatehouse_test_refuse_event";

async function refuseEvents(type: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql.raw(`ALTER TABLE security_events ADD CONSTRAINT ${REFUSE} CHECK (type <> '${type}') NOT VALID`));
}

afterEach(async () => {
  const db = await getDb();
  await db.execute(sql.raw(`ALTER TABLE security_events DROP CONSTRAINT IF EXISTS ${REFUSE}`));
});

describe("a passkey name with a lone surrogate", () => {
  it.each(LONE)("is refused by the rename and add forms' schemas with INVALID_INPUT (%j)", (name) => {
    const rename = renamePasskeySchema.safeParse({ id: "00000000-0000-0000-0000-000000000000", name });
    expect(rename.success).toBe(false);
    if (!rename.success)
      expect(wordFailure(invalidInput(rename.error), "en")).toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { name: [plainSchemaText(INVALID_TEXT_MESSAGE)] },
      });
    const add = addPasskeySchema.safeParse({ name, usage: "first" });
    expect(add.success).toBe(false);
  });

  it.each(LONE)("is refused by renamePasskey itself with INVALID_INPUT, and nothing is written (%j)", async (name) => {
    const who = await signedInUser("pk-lone-rename");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    expect(await renamePasskey(who.user, row.id, name, newCtx())).toEqual({ ok: false, code: "INVALID_INPUT", fieldErrors: { name: [INVALID_TEXT_MESSAGE] } });
    expect((await passkeyRow(row.credentialId))?.name).toBe("Phone");
    expect(await eventsOf(who.user.id, "wan_renamed")).toEqual([]);
  });

  it("is refused when adding a passkey, before any challenge is stored", async () => {
    const who = await signedInUser("pk-lone-add");
    expect(await beginPasskeyRegistration(who.user, who.session, { name: "x\ud800y", usage: "first" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const db = await getDb();
    expect(await db.select().from(tables.webauthnChallenges).where(eq(tables.webauthnChallenges.userId, who.user.id))).toEqual([]);
  });
});

describe("a passkey change and its activity event are one transaction", () => {
  it("a rename whose event cannot be written is not saved either", async () => {
    const who = await signedInUser("pk-atomic-rename");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    await refuseEvents("wan_renamed");
    await expect(renamePasskey(who.user, row.id, "Laptop", newCtx())).rejects.toThrow();
    expect((await passkeyRow(row.credentialId))?.name).toBe("Phone");
  });

  it("a removal whose event cannot be written keeps the passkey", async () => {
    const who = await signedInUser("pk-atomic-delete");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    await refuseEvents("wan_deleted");
    await expect(deletePasskey(who.user, [], row.id, newCtx())).rejects.toThrow();
    expect(await passkeyRow(row.credentialId)).toBeDefined();
  });

  it("a rename that succeeds has exactly one event with the old and new names", async () => {
    const who = await signedInUser("pk-atomic-ok");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    expect(await renamePasskey(who.user, row.id, "Laptop", newCtx())).toEqual({ ok: true, name: "Laptop" });
    expect((await eventsOf(who.user.id, "wan_renamed")).map((e) => e.data)).toEqual([{ from: "Phone", to: "Laptop" }]);
  });
});

describe("recordEvent never fails on its data", () => {
  it("stores lone surrogates and NUL characters as U+FFFD, in values and keys", async () => {
    const who = await signedInUser("event-well-formed");
    await recordEvent("wan_renamed", {
      userId: who.user.id,
      ctx: { ip: "10.0.0.1", userAgent: "agent\u0000\ud800" },
      data: { to: "x\ud800y", nested: ["a\u0000b", { "k\udfff": "\ud83d" }] },
    });
    const [event] = await eventsOf(who.user.id, "wan_renamed");
    expect(event?.data).toEqual({ to: "x\ufffdy", nested: ["a\ufffdb", { "k\ufffd": "\ufffd" }] });
  });
});
