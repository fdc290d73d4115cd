import "server-only";
import type { Account, Profile } from "next-auth";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getConfig } from "../config";
import type { OAuthProviderSettings } from "../config/env-oauth";
import type { ProviderIdentity } from "./oauth-handoff";

/**
 * The configured providers as next-auth providers (decision 046). next-auth runs the protocol —
 * the authorization URL, state, PKCE and (OpenID Connect) nonce in its encrypted cookies, the
 * code exchange, the ID token's checks — and hands Gatehouse the verified answer; Gatehouse decides
 * what it means for an account (lib/security/sign-in/oauth.ts).
 */
export function oauthProvidersForIssuer(): Provider[] {
  return getConfig().oauth.providers.map(toProvider);
}

function toProvider(p: OAuthProviderSettings): Provider {
  if (p.id === "github") return GitHub({ clientId: p.clientId, clientSecret: p.clientSecret, checks: ["pkce", "state"] });
  if (p.id === "google") return Google({ clientId: p.clientId, clientSecret: p.clientSecret, checks: ["pkce", "state", "nonce"] });
  return {
    id: "oidc",
    name: p.name,
    type: "oidc",
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    authorization: { params: { scope: p.scopes } },
    checks: ["pkce", "state", "nonce"],
    // The ID token is still checked (signature, audience, nonce); the claims come from userinfo,
    // where OpenID Connect puts the scope-requested ones (email, email_verified) — many providers
    // leave them out of the ID token.
    idToken: false,
  };
}

/**
 * What the provider vouched for. The subject is the account's id at the provider (OpenID Connect's
 * `sub`, GitHub's numeric id); the email counts as verified only when the provider says so:
 * `email_verified` in the ID token / userinfo, or GitHub's list of the user's verified addresses.
 */
export async function identityFrom(account: Account, profile: Profile | undefined): Promise<ProviderIdentity | null> {
  const subject = account.providerAccountId;
  if (!subject || subject.length > 255) return null;
  if (account.provider === "github") {
    const verified = account.access_token ? await githubVerifiedEmail(account.access_token) : null;
    return { provider: "github", subject, email: verified ?? emailOf(profile), emailVerified: verified !== null };
  }
  const claim = profile?.email_verified as unknown;
  return { provider: account.provider, subject, email: emailOf(profile), emailVerified: claim === true || claim === "true" };
}

function emailOf(profile: Profile | undefined): string | null {
  const email = profile?.email;
  return typeof email === "string" && email.length <= 320 && email.includes("@") ? email : null;
}

/** GitHub's primary address when verified (else any verified one): its user API says which are. */
async function githubVerifiedEmail(accessToken: string): Promise<string | null> {
  const response = await fetch("https://api.github.com/user/emails", {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "gatehouse" },
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  if (!response?.ok) return null;
  const emails: unknown = await response.json().catch(() => null);
  if (!Array.isArray(emails)) return null;
  const verified = emails.filter((e): e is { email: string; primary?: boolean; verified: true } => typeof e?.email === "string" && e.verified === true);
  return (verified.find((e) => e.primary) ?? verified[0])?.email ?? null;
}
