import "server-only";
import { fail } from "@/lib/security/core/errors";
import { getConfig } from "@/lib/security/config";
import { recoveryCodeStatus, regenerateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import type { ApiCall, ApiResult } from "../route";
import { userPayload } from "../user-payload";

/**
 * Flask-Security's mf-recovery-codes (signed in and fresh, the route table says). Gatehouse keeps
 * only the codes' HMACs, so a set is shown once, when it is made: GET answers `recovery_codes: []`
 * with the counts, and `recovery_codes_shown_once: true` says why (Flask-Security shows them again).
 */
async function answer(call: ApiCall, codes: string[]): Promise<ApiResult> {
  const { principal } = call;
  if (!principal) return fail("UNAUTHENTICATED");
  const { total, remaining } = await recoveryCodeStatus(principal.user.id);
  return {
    response: {
      user: userPayload(principal.user),
      csrf_token: await call.csrfToken(),
      recovery_codes: codes,
      recovery_codes_shown_once: true,
      recovery_codes_total: total,
      recovery_codes_remaining: remaining,
    },
  };
}

/** GET /api/security/mf-recovery-codes: the counts; the codes are never shown again. */
export async function describeRecoveryCodes(call: ApiCall): Promise<ApiResult> {
  if (!getConfig().recoveryCodes.enabled) return fail("API_ERROR");
  return answer(call, []);
}

/** POST /api/security/mf-recovery-codes: a new set replaces the old, shown this once. */
export async function newRecoveryCodes(call: ApiCall): Promise<ApiResult> {
  if (!call.principal) return fail("UNAUTHENTICATED");
  const made = await regenerateRecoveryCodes(call.principal.user.id, call.ctx);
  return made.ok ? answer(call, made.codes) : made;
}
