import "server-only";
import { getConfig } from "../config";
import type { AuthnMethod } from "../core/authn-methods";
import type { Failure, Result } from "../core/errors";
import { postLoginRedirect } from "../core/redirects";
import type { RequestContext } from "../core/request-context";
import { fieldErrorsFrom, loginSchema, passcodeLoginSchema, passkeySignInSchema } from "../core/schemas";
import type { UserRecord } from "../accounts/users";
import { rememberedDeviceCookie } from "../sessions/cookies";
import { getSession, type CurrentSession } from "../sessions/current";
import type { NewSession } from "../sessions/store";
import type { PendingState } from "../sessions/pending";
import { continueAfterFirstFactor } from "./continue";
import type { SignInSuccess } from "./first-factor";
import { signInWithPasscode } from "./passcode";
import { finishPasskeySignIn } from "./passkey";
import { loginWithPassword } from "./password";
import type { SecondFactorMethod } from "./second-factor";

/** Where a first factor leaves a form's user (sign-in, registration): signed in, or a second factor pending. */
export type SignedInOrPending =
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
    };

/**
 * The sign-in form's flow, once for both of its transports: the page's `POST /login/session` and
 * the JSON API's `POST /api/security/login`. Each route only reads its input and shapes this
 * outcome into its own answer (a URL to go to, or Flask-Security's JSON payload).
 */
export type LoginOutcome = { ok: true; status: "already-signed-in"; current: CurrentSession } | SignedInOrPending | (Failure & { next?: string });

/**
 * Signs in with the form's fields (our names: identity, password, remember, next): a password, or
 * with unified sign-in a password or one-time code in the same box. Writes the cookies (session,
 * or the pending sign-in) on success.
 */
export async function loginWithForm(fields: Record<string, unknown>, ctx: RequestContext): Promise<LoginOutcome> {
  return formSignIn(loginSchema, fields, (data, next, deviceCookie) => {
    const { identity, password, remember } = data;
    return getConfig().unified.enabled
      ? signInWithPasscode({ identity, passcode: password, remember, next, deviceCookie }, ctx)
      : loginWithPassword({ ...data, next, deviceCookie }, ctx);
  });
}

/**
 * The unified sign-in box alone (the JSON API's `POST /api/security/us-signin`: identity and
 * passcode): the password or a code of one of the user's methods, whatever the login form does.
 */
export async function passcodeLoginWithForm(fields: Record<string, unknown>, ctx: RequestContext): Promise<LoginOutcome> {
  return formSignIn(passcodeLoginSchema, fields, ({ identity = "", passcode = "", remember }, next, deviceCookie) =>
    signInWithPasscode({ identity, passcode, remember, next, deviceCookie }, ctx),
  );
}

/**
 * Step 2 of a passkey sign-in for both transports (the page's server action and the JSON API's
 * `POST /api/security/wan-signin/<state>`).
 */
export async function passkeyLoginWithForm(fields: Record<string, unknown>, ctx: RequestContext): Promise<LoginOutcome> {
  return formSignIn(passkeySignInSchema, fields, ({ state, credential, remember }, next, deviceCookie) =>
    finishPasskeySignIn({ state, credential, remember, next, deviceCookie }, ctx),
  );
}

type Parsed<T> = { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrorsFrom>[0] };

/** A sign-in form's steps around its first factor: not signed in already, fields checked, `next` made safe. */
async function formSignIn<T extends { next?: string }>(
  schema: { safeParse: (input: unknown) => Parsed<T> },
  fields: Record<string, unknown>,
  prove: (data: T, next: string, deviceCookie: string | undefined) => Promise<Result<SignInSuccess>>,
): Promise<LoginOutcome> {
  const current = await getSession();
  if (current) return { ok: true, status: "already-signed-in", current };
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT", fieldErrors: fieldErrorsFrom(parsed.error) };
  const next = postLoginRedirect(parsed.data.next);
  return settleSignIn(await prove(parsed.data, next, await rememberedDeviceCookie()), parsed.data.next, next);
}

/** A first factor's result as the forms' outcome: the cookies written, the next URL chosen. */
export async function settleSignIn(result: Result<SignInSuccess>, askedNext: string | undefined, next: string): Promise<LoginOutcome> {
  if (!result.ok) return { ...result, ...(askedNext === undefined ? {} : { next: askedNext }) };
  const { outcome, user, via } = result;
  const redirectTo = await continueAfterFirstFactor(outcome, next);
  if (outcome.status === "signed-in") return { ok: true, status: "signed-in", user, session: outcome.session, via, redirectTo };
  return { ok: true, status: "second-factor", user, state: outcome.state, method: outcome.method, methods: outcome.methods, redirectTo };
}
