import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, tables, type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { humanizeDuration } from "../config/duration";
import { USERS_WRITE } from "../core/console-permissions";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { RATE_LIMITS, resetRateLimit } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { activateUser, deactivateUser } from "../accounts/activation";
import { recordAdminChange } from "../accounts/admin-events";
import { isUuid } from "../accounts/identity";
import { addRoleToUser, removeRoleFromUser } from "../accounts/user-roles";
import { checkConsoleReach } from "../accounts/console-access";
import { findUserById, getAuthorization } from "../accounts/users";
import { sessionPublicId } from "../sessions/store";
import { listRefreshFamilies } from "../sessions/api-credentials";
import { revokeFamily } from "../sessions/refresh-tokens";
import { resetTwoFactor } from "../codes/two-factor";
import { forgetSignInMethods } from "../codes/sign-in-methods";
import { webauthnReset } from "../passkeys/manage";
import { adminChangePassword } from "../passwords/admin-change";
import { issueResetLink } from "../passwords/reset";
import { deleteUser } from "./delete-account";
import { resetUserAccess } from "./reset-access";

/**
 * The admin console's actions on one account (/admin/users/[id]): each calls the datastore verb
 * that owns it (decision 036), with the acting admin so both activity logs record it. Checked here
 * as well as in the server action, from the database rather than from what the caller says: the
 * actor holds users:write, the target exists, the target and any role given or taken are within the
 * actor's reach (decision 057: only an administrator changes an account with console access), an
 * admin does not deactivate or delete themselves (the verbs refuse taking their own admin role and
 * the last admin), and a destructive action carries its confirmation.
 */
export const ADMIN_ACTIONS = [
  "activate",
  "deactivate",
  "confirm-email",
  "unlock",
  "reset-access",
  "reset-two-factor",
  "reset-passkeys",
  "reset-sign-in-methods",
  "set-password",
  "send-reset-link",
  "delete",
  "add-role",
  "remove-role",
  "revoke-session",
  "revoke-all-sessions",
  "revoke-token",
  "revoke-all-tokens",
  "revoke-refresh-family",
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** These take something away the user cannot get back alone: the page asks first, and the action checks it asked. */
export const DESTRUCTIVE_ACTIONS: ReadonlySet<AdminAction> = new Set([
  "deactivate",
  "reset-access",
  "reset-two-factor",
  "reset-passkeys",
  "reset-sign-in-methods",
  "set-password",
  "delete",
  "revoke-all-sessions",
  "revoke-all-tokens",
]);

/** Who acts: their roles and permissions are read here, never taken from the caller. */
export interface AdminActor {
  id: string;
  ctx?: RequestContext;
}

export interface AdminActionInput {
  role?: string;
  password?: string;
  /** A session's or token's public id. */
  item?: string;
  confirmed?: boolean;
}

export async function runAdminAction(actor: AdminActor, targetId: string, action: AdminAction, input: AdminActionInput = {}): Promise<Result> {
  const held = await getAuthorization(actor.id);
  if (!held.permissions.includes(USERS_WRITE)) return fail("UNAUTHORIZED");
  if (!isUuid(targetId) || !(await findUserById(targetId))) return fail("USER_DOES_NOT_EXIST");
  const roleChange =
    action === "add-role" || action === "remove-role" ? ({ change: action === "add-role" ? "add" : "remove", name: input.role ?? "" } as const) : undefined;
  const reach = await checkConsoleReach({ ...held, id: actor.id }, targetId, roleChange);
  if (!reach.ok) return reach;
  if ((action === "deactivate" || action === "delete") && actor.id === targetId) return fail("ADMIN_SELF_CHANGE");
  if (DESTRUCTIVE_ACTIONS.has(action) && input.confirmed !== true) return fail("INVALID_INPUT", { confirm: ["Confirm this action first."] });
  const options = { actorId: actor.id, ctx: actor.ctx };
  switch (action) {
    case "activate":
      return activateUser(targetId, options);
    case "deactivate":
      return deactivateUser(targetId, options);
    case "reset-access":
      return resetUserAccess(targetId, options);
    case "reset-two-factor":
      await resetTwoFactor(targetId, options);
      return { ok: true };
    case "reset-passkeys":
      return webauthnReset(targetId, options);
    case "set-password":
      return adminChangePassword(targetId, input.password ?? "", { ...options, notify: true });
    case "add-role":
      return addRoleToUser(targetId, input.role ?? "", { ...options, createRole: false });
    case "remove-role":
      return removeRoleFromUser(targetId, input.role ?? "", options);
    case "delete":
      return deleteAsAdmin(actor, targetId);
    case "revoke-refresh-family":
      return revokeRefreshFamilyAsAdmin(actor, targetId, input.item ?? "");
    default:
      return inTransaction(actor, targetId, action, input);
  }
}

/** deleteUser logs nothing on the admin (the user's log goes with the account): the admin's own log says it here. */
async function deleteAsAdmin(actor: AdminActor, targetId: string): Promise<Result> {
  const deleted = await deleteUser(targetId, { by: "admin", ctx: actor.ctx });
  if (!deleted.ok) return deleted;
  await recordEvent("admin_action", { userId: actor.id, ctx: actor.ctx, data: { action: "user_deleted", userId: targetId, email: deleted.email } });
  return { ok: true };
}

/** One JSON API refresh-token family (a signed-in app or device), by the id the page lists; the user's own page does the same. */
async function revokeRefreshFamilyAsAdmin(actor: AdminActor, userId: string, familyId: string): Promise<Result> {
  if (!(await listRefreshFamilies(userId)).some((f) => f.id === familyId)) return fail("INVALID_INPUT", { item: ["That session or token has already ended."] });
  await revokeFamily(familyId, null);
  await recordAdminChange("refresh_tracker_revoked", userId, { reason: "REVOKED" }, { actorId: actor.id, ctx: actor.ctx }, await getDb());
  return { ok: true };
}

/** The small changes no verb of their own owns: one transaction with their events on both logs. */
async function inTransaction(actor: AdminActor, userId: string, action: AdminAction, input: AdminActionInput): Promise<Result> {
  const options = { actorId: actor.id, ctx: actor.ctx };
  const t = tables;
  const result = await (
    await getDb()
  ).transaction(async (tx): Promise<Result> => {
    if (action === "confirm-email") {
      const rows = await tx
        .update(t.users)
        .set({ confirmedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(t.users.id, userId), isNull(t.users.confirmedAt)))
        .returning({ id: t.users.id });
      if (rows.length) await recordAdminChange("user_confirmed", userId, { via: "admin" }, options, tx);
    } else if (action === "unlock") {
      await tx.update(t.users).set({ failedLoginCount: 0 }).where(eq(t.users.id, userId));
      await recordAdminChange("account_unlocked", userId, { via: "admin" }, options, tx);
    } else if (action === "reset-sign-in-methods") {
      const removed = await forgetSignInMethods(userId, tx);
      await recordAdminChange("us_profile_changed", userId, { reset: true, removed }, options, tx);
    } else if (action === "send-reset-link") {
      const [user] = await tx.select().from(t.users).where(eq(t.users.id, userId));
      if (!user) return fail("USER_DOES_NOT_EXIST");
      const config = getConfig();
      const resetLink = await issueResetLink(user, tx);
      const within = humanizeDuration(config.within.resetPassword);
      await queueEmail("reset_instructions", user.email, { appName: config.appName, email: user.email, resetLink, within }, tx);
      await recordAdminChange("reset_password_instructions_sent", userId, {}, options, tx);
    } else {
      return revoke(actor, userId, action, input.item ?? "", tx);
    }
    return { ok: true };
  });
  if (result.ok && action === "unlock") await resetRateLimit(RATE_LIMITS.loginFailuresPerAccount, userId);
  return result;
}

async function revoke(actor: AdminActor, userId: string, action: AdminAction, item: string, tx: Tx): Promise<Result> {
  const options = { actorId: actor.id, ctx: actor.ctx };
  const isToken = action === "revoke-token" || action === "revoke-all-tokens";
  const table = isToken ? tables.authTokens : tables.sessions;
  const rows = await tx.select({ tokenHash: table.tokenHash }).from(table).where(eq(table.userId, userId));
  const all = action === "revoke-all-sessions" || action === "revoke-all-tokens";
  const targets = all ? rows : rows.filter((r) => sessionPublicId(r.tokenHash) === item);
  if (!targets.length) return all ? { ok: true } : fail("INVALID_INPUT", { item: ["That session or token has already ended."] });
  for (const { tokenHash } of targets) await tx.delete(table).where(and(eq(table.userId, userId), eq(table.tokenHash, tokenHash)));
  await recordAdminChange("session_revoked", userId, { scope: all ? "all" : "one", kind: isToken ? "token" : "session", count: targets.length }, options, tx);
  return { ok: true };
}
