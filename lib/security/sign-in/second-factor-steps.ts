import "server-only";
import { getDb, transactionWithAbort } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { isIndependentOf, type AuthnMethod } from "../core/authn-methods";
import { getConfig } from "../config";
import { encryptSecret, tryDecryptSecret } from "../core/encryption";
import { fail, messageFor, type Failure, type Result } from "../core/errors";
import { recordRescueRequest } from "../accounts/rescue-requests";
import { recordEvent } from "../core/events";
import { updatePendingLogin } from "../sessions/pending";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import { recoveryCodesUnavailable } from "../recovery-codes/keys";
import { consumeRecoveryCode, recoveryCodeStatus } from "../recovery-codes/store";
import type { RequestContext } from "../core/request-context";
import {
  checkIndependent,
  checkSecondFactorBudget,
  completeSecondFactor,
  findPendingIn,
  refuseSecondFactor,
  secondFactorOptions,
  sendCodeForPending,
  type SecondFactorMethod,
  type SecondFactorSuccess,
} from "./second-factor";
import { sendCode } from "../codes/send";
import { consumeCode, getTwoFactor, type CodeVerdict } from "../codes/store";
import { newTotpSecret, verifyTotp } from "../codes/totp";
import { confirmSetupFromLogin } from "./second-factor-setup";
import { SECURITY_PAGES } from "../core/account-pages";

/** The steps of a pending sign-in: `/login/two-factor` and its choice, rescue and recovery pages. */

const invalidCode = () => fail("TWO_FACTOR_INVALID_TOKEN", { code: [messageFor("TWO_FACTOR_INVALID_TOKEN")] });

/**
 * `/login/two-factor`: the code from the user's method, or an emailed rescue code — whichever of
 * them is independent of the first factor. A code already used is refused but not counted as a
 * guess (two tabs submitting one code must not lock the account).
 */
export async function verifySecondFactor(token: string | undefined, code: string, ctx: RequestContext): Promise<Result<SecondFactorSuccess>> {
  const found = await findPendingIn(token, ["ready"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await checkSecondFactorBudget(found.user, ctx);
  if (!budget.ok) return budget;
  const via = found.pending.authnVia;
  const profile = await getTwoFactor(found.user.id);
  let verdict: CodeVerdict = "invalid";
  let proof: AuthnMethod | null = null;
  if (profile && isIndependentOf(via, profile.method)) {
    verdict = await consumeCode("two-factor", profile, code);
    proof = profile.method;
  }
  const rescueSecret =
    found.pending.rescueSecretEncrypted && isIndependentOf(via, "rescue-email") ? tryDecryptSecret(found.pending.rescueSecretEncrypted) : null;
  if (verdict !== "valid" && rescueSecret !== null) {
    const rescue = await verifyTotp(rescueSecret, code, getConfig().twoFactor.validity.email, 0);
    if (rescue.valid) [verdict, proof] = ["valid", "rescue-email"];
  }
  if (!proof) return fail("TWO_FACTOR_SAME_CHANNEL");
  // A configuration error (keys), not a wrong code: not counted against the user.
  if (verdict === "unavailable") return fail("SECRET_UNAVAILABLE");
  if (verdict === "replayed") return fail("TWO_FACTOR_CODE_USED", { code: ["That code was already used. Wait for the next one."] });
  if (verdict === "invalid") return refuseSecondFactor(found, ctx, { authType: "code" }, invalidCode());
  return completeSecondFactor(found, proof, ctx, true, { events: [{ type: "tf_code_confirmed", data: { method: proof } }] });
}

/**
 * Flask-Security's `tf-validate` (the JSON API): one endpoint takes the code of a method being set
 * up during sign-in and of a method already set up, which the pages ask for on two pages.
 */
export async function validatePendingCode(token: string | undefined, code: string, ctx: RequestContext): Promise<Result<SecondFactorSuccess>> {
  const settingUp = await findPendingIn(token, ["setup"]);
  return settingUp ? confirmSetupFromLogin(token, code, ctx) : verifySecondFactor(token, code, ctx);
}

/**
 * `/login/two-factor/select`: the user picks one of their usable second factors (also to switch
 * from the one they were asked for). Email/SMS codes are sent now.
 */
export async function chooseSecondFactor(token: string | undefined, which: string, ctx: RequestContext): Promise<Result<{ method: SecondFactorMethod }>> {
  const found = await findPendingIn(token, ["select", "ready"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const { usable, profile } = await secondFactorOptions(found);
  const method = usable.find((m) => m === which);
  if (!method) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  await updatePendingLogin(found.pending.tokenHash, { state: "ready", method, deliveryError: null });
  if (profile && method === profile.method) await sendCodeForPending(found.user, profile, found.pending.tokenHash, ctx);
  return { ok: true, method };
}

/** "Send a new code" (email/SMS methods), rate-limited per user. */
export async function resendSecondFactorCode(token: string | undefined, ctx: RequestContext): Promise<Result> {
  const found = await findPendingIn(token, ["ready"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const profile = await getTwoFactor(found.user.id);
  if (!profile || profile.method === "authenticator") return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  const independent = checkIndependent(found, profile.method);
  if (!independent.ok) return independent;
  return sendCodeForPending(found.user, profile, found.pending.tokenHash, ctx);
}

/** Rescue: email a one-time code to the account's address — never after an emailed first factor. */
export async function rescueByEmail(token: string | undefined, ctx: RequestContext): Promise<Result> {
  if (!getConfig().twoFactor.rescueByEmail) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  const found = await findPendingIn(token, ["ready", "select"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const independent = checkIndependent(found, "rescue-email");
  if (!independent.ok) return independent;
  const secret = newTotpSecret();
  await updatePendingLogin(found.pending.tokenHash, { state: "ready", rescueSecretEncrypted: encryptSecret(secret), deliveryError: null });
  await recordEvent("tf_rescue_requested", { userId: found.user.id, ctx, data: { option: "email" } });
  return sendCode("two-factor", found.user, { method: "email", secret, phone: null }, ctx);
}

/**
 * Rescue: ask the site administrator for help. The request joins the console's queue
 * (/admin/rescue) and SECURITY_TWO_FACTOR_RESCUE_MAIL is mailed, as Flask-Security does, but only
 * for a new request: asking again while one is open counts on that one, without another mail.
 */
export async function rescueAskForHelp(token: string | undefined, ctx: RequestContext): Promise<Result> {
  const found = await findPendingIn(token, ["ready", "select"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await consumeRateLimit(RATE_LIMITS.codesSentPerUser, found.user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  const config = getConfig();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { created } = await recordRescueRequest(found.user.id, ctx, tx);
    if (created)
      await queueEmail("two_factor_rescue", config.twoFactor.rescueMail, { appName: config.appName, email: found.user.email, userId: found.user.id }, tx);
    await recordEvent("tf_rescue_requested", { userId: found.user.id, ctx, data: { option: "help", repeated: !created } }, tx);
  });
  return { ok: true };
}

/**
 * `/login/two-factor/recovery`: a recovery code completes the second factor (never remembers the
 * device). The code is spent in the same transaction that ends the pending sign-in, so a lost race
 * or a failure leaves it unspent.
 */
export async function signInWithRecoveryCode(token: string | undefined, code: string, ctx: RequestContext): Promise<Result<SecondFactorSuccess>> {
  const config = getConfig();
  if (!config.recoveryCodes.enabled) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  // A recovery code replaces whichever second factor the user would have chosen.
  const found = await findPendingIn(token, ["ready", "select"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await checkSecondFactorBudget(found.user, ctx);
  if (!budget.ok) return budget;
  // The code, the pending sign-in it ends, the session, the event and the notice: one transaction.
  // Whoever ends the pending sign-in first signs in; the other's transaction (and code) rolls back.
  const done = await transactionWithAbort(await getDb(), async (tx, abort: (failure: Failure | "invalid") => never) => {
    if (!(await consumeRecoveryCode(found.user.id, code, tx))) abort("invalid");
    const signedIn = await completeSecondFactor(found, "recovery-code", ctx, false, { db: tx });
    if (!signedIn.ok) abort(signedIn);
    const { remaining } = await recoveryCodeStatus(found.user.id, tx);
    await recordEvent("mf_recovery_code_used", { userId: found.user.id, ctx, data: { remaining } }, tx);
    await queueEmail(
      "recovery_code_used",
      found.user.email,
      { appName: config.appName, email: found.user.email, remaining, codesLink: `${config.appUrl}${SECURITY_PAGES.recoveryCodes}` },
      tx,
    );
    return signedIn;
  });
  if (done !== "invalid") return done;
  if (await recoveryCodesUnavailable(found.user.id)) return fail("SECRET_UNAVAILABLE");
  return refuseSecondFactor(found, ctx, { authType: "recovery_code" }, fail("INVALID_RECOVERY_CODE", { code: ["That recovery code is not valid."] }));
}
