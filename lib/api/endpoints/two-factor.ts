import "server-only";
import { getConfig } from "@/lib/security/config";
import { fail, type Failure, type Result } from "@/lib/security/core/errors";
import { fieldErrorsFrom, recoveryCodeSchema, twoFactorCodeSchema } from "@/lib/security/core/schemas";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import { signOut } from "@/lib/security/sessions/sign-out";
import type { ActivePending } from "@/lib/security/sessions/pending";
import { finishSecondFactor } from "@/lib/security/sign-in/continue";
import { findPendingIn, secondFactorOptions, type SecondFactorSuccess } from "@/lib/security/sign-in/second-factor";
import { chooseSecondFactor, rescueAskForHelp, rescueByEmail, signInWithRecoveryCode, validatePendingCode } from "@/lib/security/sign-in/second-factor-steps";
import type { ApiCall, ApiResult } from "../route";
import { userPayloadWithToken } from "../user-payload";
import { twoFactorPayload } from "./login";

/**
 * The pending sign-in's steps as Flask-Security's JSON endpoints: tf-validate, tf-rescue,
 * tf-select and mf-recovery. Each reads the pending-login cookie the login answer set and calls
 * the step the pages call (lib/security/sign-in/second-factor-steps.ts); rate limits are theirs.
 */

/** The fields of a request checked with the pages' own schema (the same messages), or a 400. */
export function parseWith<T>(
  schema: { safeParse: (input: unknown) => { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrorsFrom>[0] } },
  input: unknown,
): Result<{ data: T }> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, code: "INVALID_INPUT", fieldErrors: fieldErrorsFrom(parsed.error) };
}

async function pendingIn(...states: ActivePending["pending"]["state"][]): Promise<ActivePending | Failure> {
  return (await findPendingIn(await pendingLoginToken(), states)) ?? fail("TWO_FACTOR_PERMISSION_DENIED");
}

/** Flask-Security's recovery_options: what the pending sign-in can do without its second factor. */
async function recoveryOptions(found: ActivePending): Promise<Record<string, string>> {
  const options = await secondFactorOptions(found);
  return {
    ...(options.rescueByEmail ? { email: "Send a one-time code to my email address" } : {}),
    ...(getConfig().twoFactor.rescueMail ? { help: "Ask the site administrator for help" } : {}),
    ...(options.recoveryCodes ? { recovery_code: "Use a recovery code" } : {}),
  };
}

/** A finished second factor: the session cookie (the pending one gone), and U. */
async function signedIn(call: ApiCall, done: SecondFactorSuccess, allowToken: boolean): Promise<ApiResult> {
  await finishSecondFactor(done);
  const proof = allowToken && call.includeAuthToken ? { authnVia: done.authnVia, authenticatedAt: new Date() } : null;
  return { response: { user: await userPayloadWithToken(done.user, proof), csrf_token: await call.csrfToken(done.session.token) } };
}

/** GET /api/security/tf-validate and GET /api/security/tf-rescue: the rescue options. */
export async function describeRecoveryOptions(call: ApiCall): Promise<ApiResult> {
  // tf-validate's route is open (its POST signs a signed-in caller out); its GET stays anonymous-only.
  if (call.principal) return fail("ANONYMOUS_USER_REQUIRED");
  const found = await pendingIn("ready", "select");
  if ("ok" in found) return found;
  return { response: { csrf_token: await call.csrfToken(), recovery_options: await recoveryOptions(found) } };
}

/**
 * POST /api/security/tf-validate: the code (or a method being set up during sign-in's first code).
 * A signed-in caller has nothing pending here (a signed-in set-up is confirmed at tf-setup/{token}):
 * as in Flask-Security it is signed out and refused with TWO_FACTOR_PERMISSION_DENIED.
 */
export async function validate(call: ApiCall): Promise<ApiResult> {
  const { principal } = call;
  if (principal) {
    await signOut(call.ctx, principal.via === "token" ? { authToken: { value: principal.tokenValue, userId: principal.user.id } } : {});
    return fail("TWO_FACTOR_PERMISSION_DENIED");
  }
  const input = parseWith(twoFactorCodeSchema, call.fields);
  if (!input.ok) return input;
  const done = await validatePendingCode(await pendingLoginToken(), input.data.code, call.ctx);
  if (!done.ok) return done;
  const answer = await signedIn(call, done, true);
  return "response" in answer ? { response: { ...answer.response, tf_required: false } } : answer;
}

const RESCUE_CHOICES = ["email", "help", "recovery_code"] as const;

/**
 * POST /api/security/tf-rescue. For `recovery_code` Flask-Security redirects to /mf-recovery even
 * for JSON; Gatehouse answers 200 with where to POST the code (decision 030).
 */
export async function rescue(call: ApiCall): Promise<ApiResult> {
  const choice = RESCUE_CHOICES.find((c) => c === call.fields.help_setup);
  if (!choice) return fail("INVALID_INPUT", { help_setup: ["Not a valid choice"] });
  const token = await pendingLoginToken();
  const found = await pendingIn("ready", "select");
  if ("ok" in found) return found;
  const options = await recoveryOptions(found);
  if (!(choice in options)) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE", { help_setup: ["Not a valid choice"] });
  if (choice !== "recovery_code") {
    const result = choice === "email" ? await rescueByEmail(token, call.ctx) : await rescueAskForHelp(token, call.ctx);
    if (!result.ok) return result;
  }
  const pointer = choice === "recovery_code" ? { tf_recovery_url: "/api/security/mf-recovery" } : {};
  return { response: { csrf_token: await call.csrfToken(), recovery_options: options, ...pointer } };
}

/** GET /api/security/tf-select. */
export async function describeSelect(call: ApiCall): Promise<ApiResult> {
  const found = await pendingIn("select", "ready");
  if ("ok" in found) return found;
  const { usable } = await secondFactorOptions(found);
  return { response: { csrf_token: await call.csrfToken(), ...twoFactorPayload({ state: "select", method: null, methods: usable }) } };
}

/** POST /api/security/tf-select: `which` (Flask-Security's "webauthn" is Gatehouse's passkey). */
export async function select(call: ApiCall): Promise<ApiResult> {
  const which = typeof call.fields.which === "string" ? call.fields.which : "";
  const chosen = await chooseSecondFactor(await pendingLoginToken(), which === "webauthn" ? "passkey" : which, call.ctx);
  if (!chosen.ok) return chosen.code === "TWO_FACTOR_METHOD_NOT_AVAILABLE" ? fail(chosen.code, { which: ["Not a valid choice"] }) : chosen;
  const payload = twoFactorPayload({ state: "ready", method: chosen.method, methods: [chosen.method] });
  return { response: { csrf_token: await call.csrfToken(), tf_required: true, ...payload } };
}

/** POST /api/security/mf-recovery: a recovery code finishes the sign-in — never with an auth token (as Flask-Security). */
export async function recover(call: ApiCall): Promise<ApiResult> {
  const input = parseWith(recoveryCodeSchema, call.fields);
  if (!input.ok) return input;
  const done = await signInWithRecoveryCode(await pendingLoginToken(), input.data.code, call.ctx);
  if (!done.ok) return done;
  return signedIn(call, done, false);
}
