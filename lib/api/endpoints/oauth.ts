import "server-only";
import { startOAuth } from "@/lib/security/sign-in/oauth-round-trip";
import type { ApiCall, ApiResult } from "../route";

/**
 * POST /api/security/login/oauthstart/{name} (Flask-Security's oauthstart): the round trip to the
 * provider, as the login page's button starts it; `next` comes in the query string, as there. The
 * provider's answer is handled by /login/oauth/complete, which sends a single-page app
 * (SECURITY_REDIRECT_BEHAVIOR=spa) to its views.
 */
export async function oauthStart(call: ApiCall): Promise<ApiResult> {
  const url = new URL(call.request.url);
  const name = decodeURIComponent(url.pathname.split("/").at(-1) ?? "");
  const started = await startOAuth(name, "login", url.searchParams.get("next"), { api: true });
  return started.ok ? { redirect: started.url } : started;
}
