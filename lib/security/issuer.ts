import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { getConfig } from "./config";
import { hashToken } from "./crypto";
import { deleteSession, findActiveSession } from "./sessions";
import { sessionCookieName, sessionCookieOptions } from "./session-cookie";

/**
 * next-auth is the session *issuer* only (DESIGN.md principle 3): our core verifies the user and
 * creates the `sessions` row; the Credentials provider then accepts that row's token as a
 * one-minute "grant" and next-auth writes it as the cookie. The cookie value is the opaque token
 * itself (encode/decode are overridden), so reading a session is one indexed query, not a JWE.
 */

/** A grant must be redeemed right after the core created the session. */
const GRANT_MAX_AGE_SECONDS = 60;

class InvalidGrant extends CredentialsSignin {
  override code = "invalid_grant";
}

function buildIssuer() {
  const config = getConfig();
  return NextAuth({
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: config.session.rememberLifetime },
    useSecureCookies: config.secureCookies,
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    pages: { signIn: "/login", error: "/login" },
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
          const grant = typeof credentials?.grant === "string" ? credentials.grant : "";
          if (!/^[A-Za-z0-9_-]{43}$/.test(grant)) throw new InvalidGrant();
          const db = await getDb();
          const [row] = await db
            .select({ userId: tables.sessions.userId })
            .from(tables.sessions)
            .where(
              and(
                eq(tables.sessions.tokenHash, hashToken(grant)),
                gt(tables.sessions.createdAt, sql`now() - make_interval(secs => ${GRANT_MAX_AGE_SECONDS})`),
              ),
            );
          if (!row) throw new InvalidGrant();
          return { id: row.userId, sid: grant };
        },
      }),
    ],
    callbacks: {
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
