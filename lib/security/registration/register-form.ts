import "server-only";
import { getConfig } from "../config";
import type { Failure } from "../core/errors";
import { postLoginRedirect } from "../core/redirects";
import type { RequestContext } from "../core/request-context";
import { registerPasswordlessSchema, registerSchema } from "../core/schemas";
import { parseInput } from "../core/parse-input";
import { getSession } from "../sessions/current";
import { continueAfterFirstFactor } from "../sign-in/continue";
import type { SignedInOrPending } from "../sign-in/login";
import type { Locale } from "@/lib/i18n/locales";
import { registerUser } from "./register";

/**
 * The registration form, once for the page's action and POST /api/security/register: an emailed
 * confirmation to wait for, or (confirmation not required) signed in, or a second factor pending.
 */
export type RegisterOutcome = { ok: true; status: "already-signed-in" } | { ok: true; status: "confirm-sent"; email: string } | SignedInOrPending | Failure;

/**
 * SECURITY_PASSWORD_CONFIRM_REQUIRED=false: the form asks for the password once, so the
 * confirmation is the password itself (whatever a client sent as one) and the match check is moot.
 */
function withConfirmation(fields: unknown, required: boolean): unknown {
  if (required || typeof fields !== "object" || fields === null || Array.isArray(fields)) return fields;
  const { password } = fields as { password?: unknown };
  return { ...fields, passwordConfirm: password };
}

/** `locale`: the registering request's language, which the new account keeps (the app or API layer reads it). */
export async function registerWithForm(fields: unknown, ctx: RequestContext, locale: Locale | null = null): Promise<RegisterOutcome> {
  if (await getSession()) return { ok: true, status: "already-signed-in" };
  const config = getConfig();
  const parsed = parseInput(
    config.passwordRequired ? registerSchema : registerPasswordlessSchema,
    withConfirmation(fields, config.forms.passwordConfirmRequired),
  );

  if (!parsed.ok) return parsed;
  const result = await registerUser({ ...parsed.data, locale }, ctx);
  if (!result.ok) return result;
  if (result.status === "confirm-sent") return { ok: true, status: "confirm-sent", email: result.email };
  const { outcome, user } = result;
  const redirectTo = await continueAfterFirstFactor(outcome, postLoginRedirect(parsed.data.next));
  if (outcome.status === "signed-in") return { ok: true, status: "signed-in", user, session: outcome.session, via: ["register"], redirectTo };
  return { ok: true, status: "second-factor", user, state: outcome.state, method: outcome.method, methods: outcome.methods, redirectTo };
}
