import "server-only";
import { countLinks } from "../oauth/links";
import { and, eq, sql } from "drizzle-orm";
import { getDb, tables, type Tx } from "@/lib/db";
import { getConfig, type CodeMethod } from "../config";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { parseInput } from "../core/parse-input";
import type { RequestContext } from "../core/request-context";
import { codeSetupConfirmSchema, signInMethodRemoveSchema, signInMethodSetupSchema } from "../core/schemas";
import type { UserRecord } from "../accounts/users";
import { countPasskeys } from "../passkeys/credentials";
import { isCodeMethod, rulesFor } from "./purposes";
import { confirmCodeSetup, startCodeSetup, type SetupStarted } from "./setup";
import { listSignInMethods } from "./store";

/**
 * What only unified sign-in does with its methods: count the ways in, and remove one; and the
 * sign-in-methods forms (the page's actions and the JSON API's us-setup take the same entries).
 */

/** The ways an account can sign in, to refuse removing the last one. */
export async function signInWays(user: Pick<UserRecord, "id" | "passwordHash">): Promise<{ password: boolean; methods: CodeMethod[]; passkeys: number }> {
  const [methods, passkeys] = await Promise.all([listSignInMethods(user.id), countPasskeys(user.id, "first")]);
  return { password: Boolean(user.passwordHash), methods: methods.map((m) => m.method).filter(isCodeMethod), passkeys };
}

/** Removes a sign-in method immediately (fresh session), unless it is the last way to sign in. */
export async function removeSignInMethod(user: UserRecord, method: string, ctx: RequestContext): Promise<Result> {
  const rules = rulesFor("sign-in");
  if (!rules.isEnabled(method)) return fail(rules.notAvailable);
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<Result<{ removed: boolean }>> => {
    // Locking the user row serialises removals: two at once cannot both see "another way left".
    const [locked] = await tx.select({ passwordHash: tables.users.passwordHash }).from(tables.users).where(eq(tables.users.id, user.id)).for("update");
    if (!locked) return fail(rules.notAvailable);
    const methods = (await listSignInMethods(user.id, tx)).map((m) => m.method);
    if (!methods.includes(method)) return fail(rules.notAvailable);
    const [passkeys] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.webauthnCredentials)
      .where(and(eq(tables.webauthnCredentials.userId, user.id), eq(tables.webauthnCredentials.usage, "first")));
    const otherWays =
      (locked.passwordHash ? 1 : 0) + (getConfig().webauthn.enabled ? (passkeys?.n ?? 0) : 0) + methods.length - 1 + (await countLinks(user.id, tx));
    if (otherWays < 1) return fail("US_LAST_SIGN_IN_METHOD");
    const removed = await tx
      .delete(tables.signInMethods)
      .where(and(eq(tables.signInMethods.userId, user.id), eq(tables.signInMethods.method, method)))
      .returning({ method: tables.signInMethods.method });
    if (removed.length) {
      await recordEvent(rules.changedEvent, { userId: user.id, ctx, data: { method, change: "removed" } }, tx);
      await rules.queueChangeEmail(user, "disabled", method, tx);
    }
    return { ok: true, removed: removed.length > 0 };
  });
  return outcome.ok ? { ok: true } : outcome;
}

/** The add-a-method form, step 1 (`method`, `phone`): its fields checked, then the set-up started. */
export async function startSignInMethodSetupForm(user: UserRecord, fields: unknown, ctx: RequestContext): Promise<Result<SetupStarted>> {
  const parsed = parseInput(signInMethodSetupSchema, fields);
  return parsed.ok ? startCodeSetup("sign-in", user, parsed.data, ctx) : parsed;
}

/** Step 2 (`setupToken`, `code`): the new method's first code saves it. */
export async function confirmSignInMethodSetupForm(user: UserRecord, fields: unknown, ctx: RequestContext): Promise<Result<{ method: CodeMethod }>> {
  const parsed = parseInput(codeSetupConfirmSchema, fields);
  if (!parsed.ok) return parsed;
  const confirmed = await confirmCodeSetup("sign-in", user, parsed.data, ctx);
  return confirmed.ok ? { ok: true, method: confirmed.method as CodeMethod } : confirmed;
}

/** The remove form (`method`). */
export async function removeSignInMethodForm(user: UserRecord, fields: unknown, ctx: RequestContext): Promise<Result> {
  const parsed = parseInput(signInMethodRemoveSchema, fields);
  return parsed.ok ? removeSignInMethod(user, parsed.data.method, ctx) : parsed;
}

/** Every sign-in code method of the user goes, email included (Flask-Security's us_reset; resetUserAccess). */
export async function forgetSignInMethods(userId: string, tx: Tx): Promise<number> {
  const removed = await tx.delete(tables.signInMethods).where(eq(tables.signInMethods.userId, userId)).returning({ userId: tables.signInMethods.userId });
  return removed.length;
}
