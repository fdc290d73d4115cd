import { z } from "zod";
import { bool } from "./values";

const secret = z.string().min(1).max(512).optional();
const scopes = z
  .string()
  .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, "must be space-separated scopes")
  .optional();

/**
 * Sign-in with an OAuth / OpenID Connect provider (docs/decisions/046): a provider is on when its
 * client id and secret are set. Names follow next-auth's (AUTH_<PROVIDER>_ID / _SECRET); the
 * switches are Flask-Security's OAUTH_* where it has one.
 */
export const OAUTH_VARIABLES = {
  AUTH_GITHUB_ID: secret,
  AUTH_GITHUB_SECRET: secret,
  AUTH_GOOGLE_ID: secret,
  AUTH_GOOGLE_SECRET: secret,
  // Any OpenID Connect provider: its issuer (discovery at <issuer>/.well-known/openid-configuration).
  AUTH_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_OIDC_ID: secret,
  AUTH_OIDC_SECRET: secret,
  AUTH_OIDC_SCOPES: scopes,
  // Only when the provider's authorization endpoint is on another host than its issuer (the pages' CSP must allow it).
  AUTH_OIDC_AUTHORIZATION_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((v) => (v === undefined ? undefined : new URL(v).origin)),
  AUTH_OIDC_NAME: z
    .string()
    .regex(/^[\p{L}\p{N} ._-]{1,40}$/u, "must be a short name (letters, digits, spaces, . _ -)")
    .optional(),
  // Flask-Security never creates an account from OAuth; Gatehouse can (confirmed only if the provider verified the email).
  SECURITY_OAUTH_ALLOW_REGISTER: bool(false),
  // Flask-Security's behaviour: the first sign-in with a provider-verified email links that account.
  SECURITY_OAUTH_LINK_BY_VERIFIED_EMAIL: bool(true),
};

type OAuthEnv = { [K in keyof typeof OAUTH_VARIABLES]?: z.output<(typeof OAUTH_VARIABLES)[K]> };

export type OAuthProviderId = "github" | "google" | "oidc";

export interface OAuthProviderSettings {
  id: OAuthProviderId;
  /** The button's "Continue with <name>". */
  name: string;
  clientId: string;
  clientSecret: string;
  /** OpenID Connect only. */
  issuer?: string;
  /**
   * Where the sign-in button's form is redirected (the provider's authorization endpoint): the
   * pages' CSP form-action must allow it, or the browser stops the round trip at our own 303.
   */
  authorizationOrigin: string;
  scopes?: string;
}

/** The configured providers, in button order. */
export function oauthProviders(env: OAuthEnv): OAuthProviderSettings[] {
  const providers: OAuthProviderSettings[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET)
    providers.push({
      id: "github",
      name: "GitHub",
      clientId: env.AUTH_GITHUB_ID,
      clientSecret: env.AUTH_GITHUB_SECRET,
      authorizationOrigin: "https://github.com",
    });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET)
    providers.push({
      id: "google",
      name: "Google",
      clientId: env.AUTH_GOOGLE_ID,
      clientSecret: env.AUTH_GOOGLE_SECRET,
      authorizationOrigin: "https://accounts.google.com",
    });
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME ?? "OpenID Connect",
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      issuer: env.AUTH_OIDC_ISSUER.replace(/\/+$/, ""),
      // Discovery names the endpoint; providers keep it on the issuer's host (AUTH_OIDC_AUTHORIZATION_ORIGIN otherwise).
      authorizationOrigin: env.AUTH_OIDC_AUTHORIZATION_ORIGIN ?? new URL(env.AUTH_OIDC_ISSUER).origin,
      scopes: env.AUTH_OIDC_SCOPES ?? "openid email profile",
    });
  }
  return providers;
}

/** A provider half configured (an id without its secret, an OIDC client without an issuer) is a mistake, not "off". */
export function oauthConfigIssues(env: OAuthEnv): { path: string; message: string }[] {
  const pairs: [string, unknown, string, unknown][] = [
    ["AUTH_GITHUB_ID", env.AUTH_GITHUB_ID, "AUTH_GITHUB_SECRET", env.AUTH_GITHUB_SECRET],
    ["AUTH_GOOGLE_ID", env.AUTH_GOOGLE_ID, "AUTH_GOOGLE_SECRET", env.AUTH_GOOGLE_SECRET],
    ["AUTH_OIDC_ID", env.AUTH_OIDC_ID, "AUTH_OIDC_SECRET", env.AUTH_OIDC_SECRET],
  ];
  const issues = pairs
    .filter(([, a, , b]) => Boolean(a) !== Boolean(b))
    .map(([a, , b]) => ({ path: a, message: `${a} and ${b} go together: set both or neither` }));
  if (Boolean(env.AUTH_OIDC_ID) !== Boolean(env.AUTH_OIDC_ISSUER)) {
    issues.push({ path: "AUTH_OIDC_ISSUER", message: "AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET go together" });
  }
  return issues;
}
