import "server-only";
import { getDb } from "@/lib/db";
import { isIndependentOf } from "../core/authn-methods";
import { getConfig, type TwoFactorMethod } from "../config";
import { encryptSecret, tryDecryptSecret } from "../core/encryption";
import { fail, messageFor, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { updatePendingLogin, type ActivePending } from "../sessions/pending";
import { normalizePhone } from "../accounts/phone";
import type { RequestContext } from "../core/request-context";
import { checkSecondFactorBudget, completeSecondFactor, findPendingIn, refuseSecondFactor, type SecondFactorSuccess } from "./second-factor";
import { isMethodEnabled, notifyTwoFactorChange, saveTwoFactor, sendTwoFactorCode } from "../codes/two-factor";
import { newTotpSecret, totpUri, verifyTotp } from "../codes/totp";

/**
 * Two-factor set-up during sign-in (reference: "setup_from_login"): a user whose role requires
 * a second factor and who has none proposes a method on the pending login; its first code saves
 * the method and finishes the sign-in. The secret waits, encrypted, on the pending login.
 */

export interface LoginSetupStarted {
  method: TwoFactorMethod;
  secret: string | null;
  uri: string | null;
}

/** The methods a pending sign-in may set up: enabled, and not from the first factor's channel. */
export function setupMethodsFor(found: ActivePending): TwoFactorMethod[] {
  return getConfig().twoFactor.methods.filter((m) => isIndependentOf(found.pending.authnVia, m));
}

/** Required two-factor, no method yet: propose a method during sign-in (state "setup"). */
export async function startSetupFromLogin(
  token: string | undefined,
  input: { method: string; phone?: string | null },
  ctx: RequestContext,
): Promise<Result<LoginSetupStarted>> {
  const found = await findPendingIn(token, ["setup"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  if (!isMethodEnabled(input.method)) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  const method = input.method;
  if (!setupMethodsFor(found).includes(method)) return fail("TWO_FACTOR_SAME_CHANNEL");
  const phone = method === "sms" ? normalizePhone(input.phone ?? "") : null;
  if (method === "sms" && !phone) return fail("PHONE_INVALID", { phone: ["Phone number not valid e.g. missing country code"] });
  const secret = newTotpSecret();
  await updatePendingLogin(found.pending.tokenHash, { setupMethod: method, setupSecretEncrypted: encryptSecret(secret), setupPhone: phone });
  if (method !== "authenticator") {
    const sent = await sendTwoFactorCode(found.user, { method, secret, phone }, ctx);
    if (!sent.ok) return sent;
  }
  const config = getConfig();
  return {
    ok: true,
    method,
    secret: method === "authenticator" ? secret : null,
    uri: method === "authenticator" ? totpUri(secret, config.twoFactor.totpIssuer, found.user.email) : null,
  };
}

/** The code from the proposed method saves it and completes the sign-in. */
export async function confirmSetupFromLogin(token: string | undefined, code: string, ctx: RequestContext): Promise<Result<SecondFactorSuccess>> {
  const found = await findPendingIn(token, ["setup"]);
  if (!found || !found.pending.setupMethod || !found.pending.setupSecretEncrypted) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await checkSecondFactorBudget(found.user, ctx);
  if (!budget.ok) return budget;
  const method = found.pending.setupMethod as TwoFactorMethod;
  const secret = tryDecryptSecret(found.pending.setupSecretEncrypted);
  if (secret === null) return fail("SECRET_UNAVAILABLE");
  const check = await verifyTotp(secret, code, getConfig().twoFactor.validity[method], 0);
  if (!check.valid) return refuseSecondFactor(found, ctx, { authType: "code" }, fail("TWO_FACTOR_INVALID_TOKEN", { code: [messageFor("TWO_FACTOR_INVALID_TOKEN")] }));
  if (!setupMethodsFor(found).includes(method)) return fail("TWO_FACTOR_SAME_CHANNEL");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await saveTwoFactor(found.user.id, { method, secret, phone: found.pending.setupPhone, timeStep: check.timeStep }, tx);
    await recordEvent("tf_profile_changed", { userId: found.user.id, ctx, data: { method, during: "login" } }, tx);
    await notifyTwoFactorChange(found.user, "enabled", method, tx);
  });
  const done = await completeSecondFactor(found, method, ctx, true);
  if (done.ok) await recordEvent("tf_code_confirmed", { userId: found.user.id, ctx, data: { method } });
  return done;
}
