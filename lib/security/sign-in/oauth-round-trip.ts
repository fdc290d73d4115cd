import "server-only";
import { getConfig } from "../config";
import { fail, messageFor, type ErrorCode, type Result } from "../core/errors";
import { postLoginRedirect, safeRedirectPath, safeRedirectTarget, spaUrl } from "../core/redirects";
import type { RequestContext } from "../core/request-context";
import { getSession } from "../sessions/current";
import { getIssuer } from "../sessions/issuer";
import { setOAuthIntent, takeHandedOffIdentity, takeOAuthIntent, type OAuthIntent } from "../sessions/oauth-handoff";
import { isFresh } from "../sessions/store";
import { rememberedDeviceCookie } from "../sessions/cookies";
import { linkIdentity } from "../oauth/links";
import { reauthenticateWithOAuth } from "../re-verify/reauthenticate";
import { continueAfterFirstFactor } from "./continue";
import { signInWithOAuth } from "./oauth";

/**
 * The round trip to a provider, for its three purposes: sign in (anonymous), link a provider to
 * the signed-in account (fresh session), re-verify the signed-in account with its linked provider.
 * Start sets the intent and asks next-auth for the provider's URL; complete runs when next-auth
 * redirects back to /login/oauth/complete with the verified identity (or an error).
 */

/** The page each purpose starts from and comes back to with its notice. */
const HOME: Record<OAuthIntent, string> = { login: "/login", link: "/account/connections", verify: "/verify" };

export async function startOAuth(provider: string, intent: OAuthIntent, next: unknown, from: { api?: boolean } = {}): Promise<Result<{ url: string }>> {
  if (!getConfig().oauth.providers.some((p) => p.id === provider)) return fail("OAUTH_NOT_AVAILABLE");
  const current = await getSession();
  if (intent === "login" && current) return fail("ANONYMOUS_USER_REQUIRED");
  if (intent !== "login" && !current) return fail("UNAUTHENTICATED");
  // An administrator viewing as the user (decision 042) neither links a provider to the account nor re-verifies as them.
  if (intent !== "login" && current?.session.impersonatorId) return fail("IMPERSONATION_FRESHNESS_REFUSED");
  if (intent === "link" && current && !isFresh(current.session)) return fail("REAUTHENTICATION_REQUIRED");
  // A sign-in may end on an allowed subdomain (decision 047); linking and re-verifying stay on this site.
  await setOAuthIntent({ intent, provider, next: intent === "login" ? safeRedirectTarget(next) : safeRedirectPath(next), api: from.api === true });
  const url = await getIssuer().signIn(provider, { redirect: false, redirectTo: "/login/oauth/complete" });
  return { ok: true, url: String(url) };
}

function providerName(id: string | undefined): string {
  return getConfig().oauth.providers.find((p) => p.id === id)?.name ?? "provider";
}

/** Where the browser goes when the provider's answer is back: the next page, a second factor, or a page with a notice. */
export async function completeOAuth(providerError: string | null, ctx: RequestContext): Promise<string> {
  const [intent, identity] = await Promise.all([takeOAuthIntent(), takeHandedOffIdentity()]);
  const home = HOME[intent?.intent ?? "login"];
  const spa = intent?.api === true && getConfig().api.spa.enabled;
  const notice = (code: ErrorCode, extra: Record<string, string> = {}): string => {
    if (spa) return spaUrl("loginError", { error: messageFor(code, { provider: providerName(intent?.provider) }) });
    const params = new URLSearchParams({ notice: code, ...(intent ? { provider: intent.provider } : {}), ...extra });
    return `${home}?${params}`;
  };
  if (providerError) return notice(providerError === "cancelled" ? "OAUTH_CANCELLED" : "OAUTH_HANDSHAKE_ERROR");
  // No intent (expired, or a callback this browser never started), or an answer from another provider than the one asked.
  if (!intent || !identity || identity.provider !== intent.provider) return notice("OAUTH_HANDSHAKE_ERROR");
  const current = await getSession();
  if (intent.intent === "login") {
    if (current) return getConfig().views.postLogin;
    const next = postLoginRedirect(intent.next);
    const signedIn = await signInWithOAuth(identity, { remember: false, next, deviceCookie: await rememberedDeviceCookie() }, ctx);
    // `next` goes back to the form on a refusal, so trying another way still lands there.
    if (!signedIn.ok) return notice(signedIn.code, intent.next ? { next: intent.next } : {});
    const to = await continueAfterFirstFactor(signedIn.outcome, next);
    // The app's view reads the session (or, with tf_required, goes on with /api/security/tf-validate).
    if (spa) return spaUrl("postOAuthLogin", signedIn.outcome.status === "signed-in" ? {} : { tf_required: "true" });
    return to;
  }
  if (!current) return `/login?${new URLSearchParams({ next: home })}`;
  if (current.session.impersonatorId) return notice("IMPERSONATION_FRESHNESS_REFUSED");
  if (intent.intent === "link") {
    // Freshness is checked again: it may have lapsed while the user was at the provider.
    if (!isFresh(current.session)) return `/verify?${new URLSearchParams({ next: home })}`;
    const linked = await linkIdentity(current.user, identity, ctx);
    return notice(linked.ok ? "OAUTH_LINKED" : linked.code);
  }
  const verified = await reauthenticateWithOAuth(current.user, current.session, identity, ctx);
  if (!verified.ok) return notice(verified.code, intent.next ? { next: intent.next } : {});
  return intent.next ?? "/account?notice=REAUTHENTICATION_SUCCESSFUL";
}
