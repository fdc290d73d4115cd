import "server-only";
import { getConfig } from "../config";
import type { AuthnMethod } from "../core/authn-methods";
import type { Failure } from "../core/errors";
import { postLoginRedirect } from "../core/redirects";
import type { RequestContext } from "../core/request-context";
import { fieldErrorsFrom, loginSchema } from "../core/schemas";
import type { UserRecord } from "../accounts/users";
import { rememberedDeviceCookie } from "../sessions/cookies";
import { getSession, type CurrentSession } from "../sessions/current";
import type { NewSession } from "../sessions/store";
import type { PendingState } from "../sessions/pending";
import { continueAfterFirstFactor } from "./continue";
import { signInWithPasscode } from "./passcode";
import { loginWithPassword } from "./password";
import type { SecondFactorMethod } from "./second-factor";

/**
 * The sign-in form's flow, once for both of its transports: the page's `POST /login/session` and
 * the JSON API's `POST /api/security/login`. Each route only reads its input and shapes this
 * outcome into its own answer (a URL to go to, or Flask-Security's JSON payload).
 */
export type LoginOutcome =
  | { ok: true; status: "already-signed-in"; current: CurrentSession }
  | { ok: true; status: "signed-in"; user: UserRecord; session: NewSession; via: AuthnMethod[]; redirectTo: string }
  | {
      ok: true;
      status: "second-factor";
      user: UserRecord;
      state: PendingState;
      method: SecondFactorMethod | null;
      methods: SecondFactorMethod[];
      /** The page that asks for the second factor. */
      redirectTo: string;
    }
  | (Failure & { next?: string });

/**
 * Signs in with the form's fields (our names: identity, password, remember, next): a password, or
 * with unified sign-in a password or one-time code in the same box. Writes the cookies (session,
 * or the pending sign-in) on success.
 */
export async function loginWithForm(fields: Record<string, unknown>, ctx: RequestContext): Promise<LoginOutcome> {
  const current = await getSession();
  if (current) return { ok: true, status: "already-signed-in", current };
  const parsed = loginSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT", fieldErrors: fieldErrorsFrom(parsed.error) };
  const next = postLoginRedirect(parsed.data.next);
  const deviceCookie = await rememberedDeviceCookie();
  const { identity, password, remember } = parsed.data;
  const result = getConfig().unified.enabled
    ? await signInWithPasscode({ identity, passcode: password, remember, next, deviceCookie }, ctx)
    : await loginWithPassword({ ...parsed.data, next, deviceCookie }, ctx);
  if (!result.ok) return { ...result, ...(parsed.data.next === undefined ? {} : { next: parsed.data.next }) };
  const { outcome, user, via } = result;
  const redirectTo = await continueAfterFirstFactor(outcome, next);
  if (outcome.status === "signed-in") return { ok: true, status: "signed-in", user, session: outcome.session, via, redirectTo };
  return { ok: true, status: "second-factor", user, state: outcome.state, method: outcome.method, methods: outcome.methods, redirectTo };
}
