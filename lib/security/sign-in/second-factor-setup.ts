import "server-only";
import { getDb, transactionWithAbort } from "@/lib/db";
import { isIndependentOf } from "../core/authn-methods";
import { getConfig, type TwoFactorMethod } from "../config";
import { encryptSecret, tryDecryptSecret } from "../core/encryption";
import { fail, type Failure, type Result } from "../core/errors";
import type { RequestContext } from "../core/request-context";
import { updatePendingLogin, type ActivePending } from "../sessions/pending";
import { isCodeMethod, rulesFor } from "../codes/purposes";
import { checkProposedCode, propose, saveProvenMethod, sendFirstCode } from "../codes/setup";
import { checkSecondFactorBudget, completeSecondFactor, findPendingIn, refuseSecondFactor, type SecondFactorSuccess } from "./second-factor";

/**
 * Two-factor set-up during sign-in (Flask-Security's "setup_from_login"): a user whose role
 * requires a second factor and who has none proposes a method on the pending login; its first
 * code saves the method and finishes the sign-in. The same steps as a signed-in set-up
 * (lib/security/codes/setup.ts); only where the proposal waits differs: encrypted on the pending
 * sign-in rather than in a set-up token.
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
  if (!rulesFor("two-factor").isEnabled(input.method)) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  if (!setupMethodsFor(found).includes(input.method)) return fail("TWO_FACTOR_SAME_CHANNEL");
  const proposed = propose("two-factor", found.user, input);
  if (!proposed.ok) return proposed;
  const { proposal } = proposed;
  await updatePendingLogin(found.pending.tokenHash, {
    setupMethod: proposal.method,
    setupSecretEncrypted: encryptSecret(proposal.secret),
    setupPhone: proposal.phone,
  });
  const sent = await sendFirstCode("two-factor", found.user, proposal, ctx);
  if (!sent.ok) return sent;
  return { ok: true, method: proposal.method, secret: proposal.uri ? proposal.secret : null, uri: proposal.uri };
}

/** The code from the proposed method saves it and completes the sign-in. */
export async function confirmSetupFromLogin(token: string | undefined, code: string, ctx: RequestContext): Promise<Result<SecondFactorSuccess>> {
  const found = await findPendingIn(token, ["setup"]);
  const method = found?.pending.setupMethod ?? "";
  if (!found || !isCodeMethod(method) || !found.pending.setupSecretEncrypted) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await checkSecondFactorBudget(found.user, ctx);
  if (!budget.ok) return budget;
  const secret = tryDecryptSecret(found.pending.setupSecretEncrypted);
  if (secret === null) return fail("SECRET_UNAVAILABLE");
  const check = await checkProposedCode("two-factor", method, secret, code);
  if (!check.valid) return refuseSecondFactor(found, ctx, { authType: "code" }, rulesFor("two-factor").wrongSetupCode());
  if (!setupMethodsFor(found).includes(method)) return fail("TWO_FACTOR_SAME_CHANNEL");
  // The method and the sign-in it completes are one transaction: no method saved by a sign-in
  // that never finished, and of two concurrent submissions the one that lost saves nothing.
  return transactionWithAbort(await getDb(), async (tx, abort: (failure: Failure) => never) => {
    const saved = await saveProvenMethod("two-factor", found.user, { method, secret, phone: found.pending.setupPhone, timeStep: check.timeStep }, ctx, tx, {
      during: "login",
    });
    if (!saved.ok) abort(saved);
    const done = await completeSecondFactor(found, method, ctx, true, { events: [{ type: "tf_code_confirmed", data: { method } }], db: tx });
    return done.ok ? done : abort(done);
  });
}
