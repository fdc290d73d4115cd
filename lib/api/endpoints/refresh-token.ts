import "server-only";
import { getConfig } from "@/lib/security/config";
import { clearRefreshTokenCookie, refreshTokenCookie } from "@/lib/security/sessions/cookies";
import { exchangeRefreshToken } from "@/lib/security/sessions/refresh-tokens";
import type { ApiCall, ApiResult } from "../route";
import { userPayloadWithTokens } from "../user-payload";

/** The refresh token a call presents: `refresh_token` in the body, else (cookie mode) the cookie. */
export async function presentedRefreshToken(call: ApiCall): Promise<string | null> {
  const fromBody = call.fields.refreshToken;
  if (typeof fromBody === "string" && fromBody !== "") return fromBody.trim();
  const cookie = getConfig().api.refresh.cookie;
  return cookie ? ((await refreshTokenCookie(cookie)) ?? null) : null;
}

/**
 * POST /api/security/refresh-token: a new auth token and the family's next refresh token for the
 * presented one (lib/security/sessions/refresh-tokens.ts). A refused token in cookie mode also
 * clears the cookie: it can never work again.
 */
export async function refreshToken(call: ApiCall): Promise<ApiResult> {
  const presented = await presentedRefreshToken(call);
  const cookie = getConfig().api.refresh.cookie;
  const result = await exchangeRefreshToken(presented ?? "", call.ctx);
  if (!result.ok) {
    if (cookie && presented) await clearRefreshTokenCookie(cookie);
    return result;
  }
  const user = await userPayloadWithTokens(result.user, result);
  return { response: { user, csrf_token: await call.csrfToken() } };
}
