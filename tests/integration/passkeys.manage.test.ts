// Threat: a user renames or removes someone else's passkey by its id, or removes the passkey that is
// their only way in (or their required second factor) and locks themselves out. Guarantee: refused.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { deletePasskey, renamePasskey } from "@/lib/security/passkeys/manage";
import { addRoleToUser } from "@/lib/security/accounts/user-roles";
import { getAuthorization } from "@/lib/security/accounts/users";
import { mailsTo, newCtx, withEnv } from "../support/flows";
import { addPasskey, passkeyRow, passkeysOf, reload, removePassword, signedInUser } from "../support/passkeys";
import { eventsOf, saveMethod } from "../support/two-factor";
import { SoftwareAuthenticator } from "../support/webauthn-authenticator";

const REMOVED = "Gatehouse: A passkey was removed from your account";
const OPS = { SECURITY_TWO_FACTOR_REQUIRED_ROLES: "ops" };

describe("renaming a passkey", () => {
  it("stores the sanitised name and records wan_renamed", async () => {
    const who = await signedInUser("pk-rename");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    expect(await renamePasskey(who.user, row.id, "  Work\u202e  phone  ", newCtx())).toEqual({ ok: true, name: "Work phone" });
    expect((await passkeyRow(row.credentialId))?.name).toBe("Work phone");
    expect((await eventsOf(who.user.id, "wan_renamed")).map((e) => e.data)).toEqual([{ from: "Phone", to: "Work phone" }]);
  });

  it("refuses an empty or too long name, leaving the old one", async () => {
    const who = await signedInUser("pk-rename-bad");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    expect(await renamePasskey(who.user, row.id, " \u200b ", newCtx())).toMatchObject({ ok: false, code: "WEBAUTHN_NAME_REQUIRED" });
    expect(await renamePasskey(who.user, row.id, "x".repeat(65), newCtx())).toMatchObject({ ok: false, code: "INVALID_INPUT_LENGTH" });
    expect((await passkeyRow(row.credentialId))?.name).toBe("Phone");
    expect(await eventsOf(who.user.id, "wan_renamed")).toEqual([]);
  });

  it("names stay unique per user ignoring case; renaming to its own name in another case is fine", async () => {
    const who = await signedInUser("pk-rename-dup");
    const { row: phone } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    const { row: key } = await addPasskey(who, new SoftwareAuthenticator("cross-platform"), { name: "Key", usage: "secondary" });
    expect(await renamePasskey(who.user, key.id, "PHONE", newCtx())).toMatchObject({ ok: false, code: "WEBAUTHN_NAME_INUSE" });
    expect((await passkeyRow(key.credentialId))?.name).toBe("Key");
    expect(await renamePasskey(who.user, phone.id, "PHONE", newCtx())).toEqual({ ok: true, name: "PHONE" });
  });

  it("another user's passkey id (or a junk id) is WEBAUTHN_NAME_NOT_FOUND and renames nothing", async () => {
    const alice = await signedInUser("pk-rename-alice");
    const { row } = await addPasskey(alice, new SoftwareAuthenticator(), { name: "Alice phone", usage: "first" });
    const mallory = await signedInUser("pk-rename-mallory");
    for (const id of [row.id, row.credentialId, "", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "' or 1=1 --"]) {
      expect(await renamePasskey(mallory.user, id, "pwned", newCtx()), id).toEqual({ ok: false, code: "WEBAUTHN_NAME_NOT_FOUND" });
    }
    expect((await passkeyRow(row.credentialId))?.name).toBe("Alice phone");
  });
});

describe("deleting a passkey", () => {
  it("removes it, records wan_deleted and emails the owner", async () => {
    const who = await signedInUser("pk-delete");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Old phone", usage: "first" });
    const { roles } = await getAuthorization(who.user.id);
    expect(await deletePasskey(who.user, roles, row.id, newCtx())).toEqual({ ok: true, name: "Old phone" });
    expect(await passkeyRow(row.credentialId)).toBeUndefined();
    expect((await eventsOf(who.user.id, "wan_deleted")).map((e) => e.data)).toEqual([{ name: "Old phone", usage: "first" }]);
    const mails = (await mailsTo(who.email)).filter((m) => m.subject === REMOVED);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("Old phone");
    // A second delete of the same id (another tab) finds nothing.
    expect(await deletePasskey(who.user, roles, row.id, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_NAME_NOT_FOUND" });
    expect((await mailsTo(who.email)).filter((m) => m.subject === REMOVED)).toHaveLength(1);
  });

  it("another user's passkey id is WEBAUTHN_NAME_NOT_FOUND: nothing deleted, nobody emailed", async () => {
    const alice = await signedInUser("pk-delete-alice");
    const { row } = await addPasskey(alice, new SoftwareAuthenticator(), { name: "Alice phone", usage: "first" });
    const mallory = await signedInUser("pk-delete-mallory");
    expect(await deletePasskey(mallory.user, [], row.id, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_NAME_NOT_FOUND" });
    expect(await passkeyRow(row.credentialId)).toBeDefined();
    expect((await mailsTo(alice.email)).filter((m) => m.subject === REMOVED)).toEqual([]);
    expect(await eventsOf(alice.user.id, "wan_deleted")).toEqual([]);
    expect(await eventsOf(mallory.user.id, "wan_deleted")).toEqual([]);
  });

  it("without a password, the last 'sign in' passkey cannot be removed (WEBAUTHN_LAST_SIGN_IN_METHOD); with another one it can", async () => {
    const who = await signedInUser("pk-last-signin");
    const { row: first } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    await removePassword(who.user.id);
    const { user } = await reload(who.token);
    expect(user.passwordHash).toBeNull();
    expect(await deletePasskey(user, [], first.id, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_LAST_SIGN_IN_METHOD" });
    expect(await passkeyRow(first.credentialId)).toBeDefined();
    expect(await eventsOf(user.id, "wan_deleted")).toEqual([]);

    // A second factor key is no way to sign in: it does not make the last one removable.
    await addPasskey(who, new SoftwareAuthenticator("cross-platform"), { name: "Key", usage: "secondary" }, { userVerified: false });
    expect(await deletePasskey(user, [], first.id, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_LAST_SIGN_IN_METHOD" });

    const { row: second } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Laptop", usage: "first" });
    expect(await deletePasskey(user, [], first.id, newCtx())).toEqual({ ok: true, name: "Phone" });
    expect(await deletePasskey(user, [], second.id, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_LAST_SIGN_IN_METHOD" });
    expect((await passkeysOf(user.id)).map((p) => p.name).sort()).toEqual(["Key", "Laptop"]);
  });

  it("without a password, a second-factor key can still be removed (it was never a way to sign in)", async () => {
    const who = await signedInUser("pk-last-signin-secondary");
    await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    const { row: key } = await addPasskey(who, new SoftwareAuthenticator("cross-platform"), { name: "Key", usage: "secondary" }, { userVerified: false });
    await removePassword(who.user.id);
    const { user } = await reload(who.token);
    expect(await deletePasskey(user, [], key.id, newCtx())).toEqual({ ok: true, name: "Key" });
    expect((await passkeysOf(user.id)).map((p) => p.name)).toEqual(["Phone"]);
  });

  it("with a password, the last passkey can go", async () => {
    const who = await signedInUser("pk-last-with-password");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    expect(await deletePasskey(who.user, [], row.id, newCtx())).toEqual({ ok: true, name: "Phone" });
    expect(await passkeysOf(who.user.id)).toEqual([]);
  });

  it("when a role requires two-factor, the last second-factor key (and no other method) cannot go: WEBAUTHN_LAST_SECOND_FACTOR", async () => {
    await withEnv(OPS, async () => {
      const who = await signedInUser("pk-last-2fa");
      await addRoleToUser(who.user.id, "ops");
      const { roles } = await getAuthorization(who.user.id);
      expect(roles).toContain("ops");
      const { row: key } = await addPasskey(who, new SoftwareAuthenticator("cross-platform"), { name: "Key", usage: "secondary" }, { userVerified: false });
      // A "sign in" passkey is not a second factor.
      await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
      expect(await deletePasskey(who.user, roles, key.id, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_LAST_SECOND_FACTOR" });
      expect(await passkeyRow(key.credentialId)).toBeDefined();

      // With a second key, either may go, but not both.
      const { row: spare } = await addPasskey(
        who,
        new SoftwareAuthenticator("cross-platform"),
        { name: "Spare key", usage: "secondary" },
        { userVerified: false },
      );
      expect(await deletePasskey(who.user, roles, key.id, newCtx())).toEqual({ ok: true, name: "Key" });
      expect(await deletePasskey(who.user, roles, spare.id, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_LAST_SECOND_FACTOR" });

      // An authenticator app is another second factor: now the key can go.
      await saveMethod(who.user.id, "authenticator");
      expect(await deletePasskey(who.user, roles, spare.id, newCtx())).toEqual({ ok: true, name: "Spare key" });
    });
  });

  it("without the role, the only second-factor key can be removed", async () => {
    await withEnv(OPS, async () => {
      const who = await signedInUser("pk-2fa-optional");
      const { row } = await addPasskey(who, new SoftwareAuthenticator("cross-platform"), { name: "Key", usage: "secondary" }, { userVerified: false });
      expect(await deletePasskey(who.user, (await getAuthorization(who.user.id)).roles, row.id, newCtx())).toEqual({ ok: true, name: "Key" });
    });
  });

  it("deleting one user's passkeys leaves other users' rows alone", async () => {
    const alice = await signedInUser("pk-iso-alice");
    const bob = await signedInUser("pk-iso-bob");
    const { row: a } = await addPasskey(alice, new SoftwareAuthenticator(), { name: "Same name", usage: "first" });
    const { row: b } = await addPasskey(bob, new SoftwareAuthenticator(), { name: "Same name", usage: "first" });
    expect(await deletePasskey(alice.user, [], a.id, newCtx())).toMatchObject({ ok: true });
    const db = await getDb();
    const rows = await db.select().from(tables.webauthnCredentials).where(eq(tables.webauthnCredentials.id, b.id));
    expect(rows).toHaveLength(1);
  });
});
