import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { createHmac, hkdfSync } from "node:crypto";
import { getConfig } from "../config";
import { constantTimeEqual } from "../core/crypto";
import { deleteSession, findActiveSession } from "./store";
import { sessionCookieName, sessionCookieOptions } from "./cookies";
import { handOffIdentity } from "./oauth-handoff";
import { identityFrom, oauthProvidersForIssuer } from "./oauth-providers";

/**
 * next-auth is the session *issuer* only (DESIGN.md principle 3): our core verifies the user and
 * creates the `sessions` row; the Credentials provider then accepts a signed one-minute "grant"
 * for that row's token and next-auth writes the token as the cookie. The cookie value is the opaque token
 * itself (encode/decode are overridden), so reading a session is one indexed query, not a JWE.
 * For OAuth providers next-auth runs the protocol only: its signIn callback hands the verified
 * identity to Gatehouse (a signed one-minute cookie) and redirects to /login/oauth/complete, where
 * the sign-in, link or re-verification goes through Gatehouse's own flows; next-auth never
 * writes a session for it.
 */

/** Where the issuer sends every OAuth answer, good or bad (app/(auth)/login/oauth/complete/route.ts). */
const OAUTH_COMPLETE = "/login/oauth/complete";

/** A grant must be redeemed right after the core created the session. */
const GRANT_MAX_AGE_SECONDS = 60;

// Derived once per secret: HKDF on every sign-in cost ~0.3 ms for the same key each time.
let grantKey: { secret: string; key: Buffer } | undefined;

function grantSignature(token: string, userId: string, issuedAt: number): string {
  const secret = getConfig().authSecret;
  if (grantKey?.secret !== secret) grantKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "gatehouse", "session-grant", 32)) };
  return createHmac("sha256", grantKey.key).update(`${token}|${userId}|${issuedAt}`).digest("base64url");
}

/**
 * A signed, one-minute grant for a session the core just created: lets the Credentials provider
 * trust it without another database round trip.
 */
export function sessionGrant(token: string, userId: string): string {
  const issuedAt = Math.floor(Date.now() / 1000);
  return `${token}.${userId}.${issuedAt}.${grantSignature(token, userId, issuedAt)}`;
}

function redeemGrant(grant: string): { token: string; userId: string } | null {
  const [token, userId, issuedAtText, signature] = grant.split(".");
  const issuedAt = Number(issuedAtText);
  if (!token || !userId || !signature || !Number.isInteger(issuedAt)) return null;
  if (Math.abs(Date.now() / 1000 - issuedAt) > GRANT_MAX_AGE_SECONDS) return null;
  return constantTimeEqual(signature, grantSignature(token, userId, issuedAt)) ? { token, userId } : null;
}

class InvalidGrant extends CredentialsSignin {
  override code = "invalid_grant";
}

function buildIssuer() {
  const config = getConfig();
  // next-auth takes its own URL (the OAuth redirect_uri among others) from AUTH_URL, else from the
  // request's Host. Behind a load balancer every instance must name the same public callback, the
  // one registered at the provider: APP_URL's.
  process.env.AUTH_URL ??= `${config.appUrl}/api/auth`;
  return NextAuth({
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: config.session.rememberLifetime },
    useSecureCookies: config.secureCookies,
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    // next-auth's errors (a state that does not match, a failed code exchange) land where the round trip's intent is known.
    pages: { signIn: OAUTH_COMPLETE, error: OAUTH_COMPLETE },
    jwt: {
      // The cookie value is the opaque session token: nothing to decrypt, nothing to forge.
      async encode({ token }) {
        return typeof token?.sid === "string" ? token.sid : "";
      },
      async decode({ token }) {
        if (!token) return null;
        const active = await findActiveSession(token);
        return active ? { sid: token, sub: active.user.id, email: active.user.email } : null;
      },
    },
    providers: [
      Credentials({
        id: "session-grant",
        credentials: { grant: {} },
        async authorize(credentials) {
          const redeemed = typeof credentials?.grant === "string" && credentials.grant.length < 512 ? redeemGrant(credentials.grant) : null;
          if (!redeemed) throw new InvalidGrant();
          return { id: redeemed.userId, sid: redeemed.token };
        },
      }),
      ...oauthProvidersForIssuer(),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (!account || account.type === "credentials") return true;
        const identity = await identityFrom(account, profile);
        if (!identity) return `${OAUTH_COMPLETE}?error=identity`;
        await handOffIdentity(identity);
        return OAUTH_COMPLETE;
      },
      jwt({ token, user }) {
        if (user && "sid" in user && typeof user.sid === "string") token.sid = user.sid;
        return token;
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await deleteSession(sid);
      },
    },
  });
}

type Issuer = ReturnType<typeof buildIssuer>;
let issuer: Issuer | undefined;

/** Built on first use so `next build` never needs the runtime configuration. */
export function getIssuer(): Issuer {
  issuer ??= buildIssuer();
  return issuer;
}
