import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb, tables, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import type { RequestContext } from "../core/request-context";
import { isTwoFactorRequired } from "../core/two-factor-required";
import { recordAdminChange, type AdminOptions } from "../accounts/admin-events";
import { isUuid } from "../accounts/identity";
import type { UserRecord } from "../accounts/users";
import { countLinks } from "../oauth/links";
import { findPasskey, listPasskeys, notifyPasskeyChange, sanitizePasskeyName } from "./credentials";

/**
 * Renames one of the user's passkeys (names stay unique per user, ignoring case). The rename and
 * its activity event are one transaction: a rename is never saved without its event.
 */
export async function renamePasskey(user: UserRecord, id: string, rawName: string, ctx: RequestContext): Promise<Result<{ name: string }>> {
  const passkey = await findPasskey(user.id, id);
  if (!passkey) return fail("WEBAUTHN_NAME_NOT_FOUND");
  const named = sanitizePasskeyName(rawName);
  if (!named.ok) return named;
  const db = await getDb();
  const table = tables.webauthnCredentials;
  try {
    return await db.transaction(async (tx): Promise<Result<{ name: string }>> => {
      const clash = await tx
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.userId, user.id), ne(table.id, passkey.id), sql`lower(${table.name}) = lower(${named.name})`));
      if (clash.length) return fail("WEBAUTHN_NAME_INUSE", { name: ["You already have a passkey with this name"] });
      const renamed = await tx
        .update(table)
        .set({ name: named.name })
        .where(and(eq(table.id, passkey.id), eq(table.userId, user.id)))
        .returning({ id: table.id });
      // Removed while we looked: there is nothing to rename (and no event to write).
      if (!renamed.length) return fail("WEBAUTHN_NAME_NOT_FOUND");
      await recordEvent("wan_renamed", { userId: user.id, ctx, data: { from: passkey.name, to: named.name } }, tx);
      return { ok: true, name: named.name };
    });
  } catch (error) {
    // A concurrent rename to the same name lost the race on the unique index (the transaction rolled back).
    if (isUniqueViolation(error)) return fail("WEBAUTHN_NAME_INUSE", { name: ["You already have a passkey with this name"] });
    throw error;
  }
}

/**
 * Deletes one of the user's passkeys, unless it is their last way to sign in (no password and
 * no other "sign in" passkey) or their last second factor when their roles require one.
 */
export async function deletePasskey(user: UserRecord, roles: string[], id: string, ctx: RequestContext): Promise<Result<{ name: string }>> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<{ name: string }>> => {
    // Locking the user row serialises removals: two at once cannot both see "another one left".
    const [locked] = await tx.select({ passwordHash: tables.users.passwordHash }).from(tables.users).where(eq(tables.users.id, user.id)).for("update");
    const [passkeys, [profile]] = await Promise.all([
      listPasskeys(user.id, tx),
      tx.select({ userId: tables.twoFactor.userId }).from(tables.twoFactor).where(eq(tables.twoFactor.userId, user.id)),
    ]);
    const passkey = passkeys.find((p) => p.id === id);
    if (!locked || !passkey) return fail("WEBAUTHN_NAME_NOT_FOUND");
    const others = passkeys.filter((p) => p.id !== id);
    const [methods] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.signInMethods)
      .where(eq(tables.signInMethods.userId, user.id));
    const otherWays = (locked.passwordHash ? 1 : 0) + (methods?.n ?? 0) + others.filter((p) => p.usage === "first").length + (await countLinks(user.id, tx));
    if (passkey.usage === "first" && otherWays < 1) return fail("WEBAUTHN_LAST_SIGN_IN_METHOD");
    if (isTwoFactorRequired(roles) && !profile && passkey.usage === "secondary" && !others.some((p) => p.usage === "secondary")) {
      return fail("WEBAUTHN_LAST_SECOND_FACTOR");
    }
    const deleted = await tx
      .delete(tables.webauthnCredentials)
      .where(and(eq(tables.webauthnCredentials.id, passkey.id), eq(tables.webauthnCredentials.userId, user.id)))
      .returning({ id: tables.webauthnCredentials.id });
    // In the same transaction as the delete: a removal is never without its activity event and notice.
    if (deleted.length) {
      await recordEvent("wan_deleted", { userId: user.id, ctx, data: { name: passkey.name, usage: passkey.usage } }, tx);
      await notifyPasskeyChange(user, "removed", passkey, tx);
    }
    return { ok: true, name: passkey.name };
  });
}

/**
 * Flask-Security's wan-delete names the passkey (names are unique per user, ignoring case); the
 * page names it by id. Either way the same checks and the same transaction (deletePasskey).
 */
export async function deletePasskeyByName(user: UserRecord, roles: string[], rawName: string, ctx: RequestContext): Promise<Result<{ name: string }>> {
  const named = sanitizePasskeyName(rawName);
  if (!named.ok) return named;
  const wanted = named.name.toLowerCase();
  const passkey = (await listPasskeys(user.id)).find((p) => p.name.toLowerCase() === wanted);
  if (!passkey) return fail("WEBAUTHN_NAME_NOT_FOUND", { name: ["That passkey is not registered to your account."] });
  return deletePasskey(user, roles, passkey.id, ctx);
}

/** Every passkey of the user goes, with their pending ceremonies (webauthnReset, resetUserAccess). */
export async function forgetPasskeys(userId: string, tx: Tx): Promise<number> {
  const removed = await tx
    .delete(tables.webauthnCredentials)
    .where(eq(tables.webauthnCredentials.userId, userId))
    .returning({ id: tables.webauthnCredentials.id });
  await tx.delete(tables.webauthnChallenges).where(eq(tables.webauthnChallenges.userId, userId));
  return removed.length;
}

/**
 * Flask-Security's webauthn_reset: deletes every passkey of the user (the user handle stays, as
 * in Flask-Security: it names nothing but the account). An administrator's action, so none of
 * deletePasskey's last-way refusals apply; the user sets passkeys up again.
 */
export async function webauthnReset(userId: string, options: AdminOptions = {}): Promise<Result<{ removed: number }>> {
  if (!isUuid(userId)) return fail("USER_DOES_NOT_EXIST");
  return (await getDb()).transaction(async (tx): Promise<Result<{ removed: number }>> => {
    const [user] = await tx.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.id, userId)).for("update");
    if (!user) return fail("USER_DOES_NOT_EXIST");
    const removed = await forgetPasskeys(userId, tx);
    await recordAdminChange("wan_reset", userId, { removed }, options, tx);
    return { ok: true, removed };
  });
}
