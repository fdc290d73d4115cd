import "server-only";
import { fail } from "@/lib/security/core/errors";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import { findActiveSession } from "@/lib/security/sessions/store";
import { finishSecondFactor } from "@/lib/security/sign-in/continue";
import { passkeyLoginWithForm } from "@/lib/security/sign-in/login";
import { beginPasskeySecondFactor, beginPasskeySignIn, finishPasskeySecondFactor, passkeyStepIsSecondFactor } from "@/lib/security/sign-in/passkey";
import type { ApiCall, ApiResult } from "../route";
import { userPayloadWithToken } from "../user-payload";
import { answerLogin, withRememberDefault } from "./login";

/** The `{token}` of `/…/<token>`: the ceremony state step 1 answered as `wan_state`. */
export function pathToken(call: ApiCall): string {
  const last = new URL(call.request.url).pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return "";
  }
}

/** POST /api/security/wan-signin: options for navigator.credentials.get(), as a first or (pending sign-in) second factor. */
export async function wanSignin(call: ApiCall): Promise<ApiResult> {
  if (call.principal) return fail("ANONYMOUS_USER_REQUIRED");
  const pending = await pendingLoginToken();
  const secondary = await passkeyStepIsSecondFactor(pending);
  // An `identity` hints allowCredentials (SECURITY_WAN_ALLOW_USER_HINTS), the same shape for unknown ones (decision 050).
  const started = secondary ? await beginPasskeySecondFactor(pending) : await beginPasskeySignIn(call.ctx, call.fields.identity);
  if (!started.ok) return started;
  return {
    response: {
      credential_options: started.options,
      wan_state: started.state,
      remember: call.fields.remember === true,
      is_secondary: secondary,
      csrf_token: await call.csrfToken(),
    },
  };
}

/** POST /api/security/wan-signin/<state>: the assertion, through the pages' flows (sign-in/login.ts, sign-in/passkey.ts). */
export async function wanSigninFinish(call: ApiCall): Promise<ApiResult> {
  if (call.principal) return fail("ANONYMOUS_USER_REQUIRED");
  const state = pathToken(call);
  const pending = await pendingLoginToken();
  if (!(await passkeyStepIsSecondFactor(pending))) {
    const outcome = await passkeyLoginWithForm({ ...withRememberDefault(call.fields), state }, call.ctx);
    const answered = await answerLogin(call, outcome);
    if (!outcome.ok || !("response" in answered) || outcome.status !== "signed-in") return answered;
    return { response: { ...answered.response, post_login_url: outcome.redirectTo } };
  }
  const done = await finishPasskeySecondFactor(pending, { state, credential: call.fields.credential }, call.ctx);
  if (!done.ok) return done;
  const postLoginUrl = await finishSecondFactor(done);
  const active = await findActiveSession(done.session.token);
  if (!active) return fail("UNAUTHENTICATED");
  const proof = call.includeAuthToken ? { authnVia: active.session.authnVia, authenticatedAt: active.session.authenticatedAt } : null;
  return {
    response: {
      user: await userPayloadWithToken(active.user, proof),
      csrf_token: await call.csrfToken(done.session.token),
      tf_required: false,
      post_login_url: postLoginUrl,
    },
  };
}
