import "server-only";
import { createHmac } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { constantTimeEqual } from "../core/crypto";
import { derivedKey } from "../core/hmac";
import { cookieName, sessionCookieOptions } from "./cookies";

/**
 * The two short-lived cookies around a provider round trip. next-auth keeps the protocol's own
 * state (state, PKCE verifier, nonce) in its encrypted cookies; these carry Gatehouse's part:
 * - the intent, set when the round trip starts: sign in, link to the signed-in account, or
 *   re-verify it, and the same-origin `next` to go to afterwards;
 * - the identity the provider vouched for, set by the issuer's callback once next-auth has checked
 *   the answer, and taken (read and cleared) by the flow that finishes the round trip.
 * Both are signed (HMAC, a key derived from AUTH_SECRET) and live in the browser, not in process
 * memory: any instance can serve the callback (DESIGN.md principle 2).
 */

/** A round trip must finish within this; the provider's own pages may take a while (consent, a password). */
const ROUND_TRIP_SECONDS = 10 * 60;
/** The identity is taken by the very next request (the callback's redirect). */
const HANDOFF_SECONDS = 60;

export const OAUTH_INTENTS = ["login", "link", "verify"] as const;
export type OAuthIntent = (typeof OAUTH_INTENTS)[number];

const intentSchema = z.object({
  intent: z.enum(OAUTH_INTENTS),
  provider: z.string().max(32),
  next: z.string().max(2048).nullable(),
  /** Started by the JSON API (login/oauthstart): a single-page app's views take the answer. */
  api: z.boolean(),
  at: z.number(),
});
export type OAuthIntentValue = z.infer<typeof intentSchema>;

const identitySchema = z.object({
  provider: z.string().max(32),
  subject: z.string().min(1).max(255),
  email: z.string().max(320).nullable(),
  emailVerified: z.boolean(),
  at: z.number(),
});
/** What a provider vouched for: its stable subject, and an email with whether the provider verified it. */
export type ProviderIdentity = Omit<z.infer<typeof identitySchema>, "at">;

function sign(purpose: string, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${createHmac("sha256", derivedKey(purpose)).update(body).digest("base64url")}`;
}

function verify<T extends { at: number }>(purpose: string, value: string | undefined, schema: z.ZodType<T>, maxAge: number): T | null {
  if (!value || value.length > 4096) return null;
  const [body = "", signature = ""] = value.split(".");
  if (!constantTimeEqual(signature, createHmac("sha256", derivedKey(purpose)).update(body).digest("base64url"))) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(decoded);
  if (!parsed.success || Math.abs(Date.now() / 1000 - parsed.data.at) > maxAge) return null;
  return parsed.data;
}

async function take(name: "oauth" | "oauth-intent"): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get(cookieName(name))?.value;
  if (value !== undefined) jar.set(cookieName(name), "", { ...sessionCookieOptions(), maxAge: 0 });
  return value;
}

export async function setOAuthIntent(intent: Omit<OAuthIntentValue, "at">): Promise<void> {
  const value = sign("oauth-intent", { ...intent, at: Math.floor(Date.now() / 1000) });
  (await cookies()).set(cookieName("oauth-intent"), value, { ...sessionCookieOptions(), maxAge: ROUND_TRIP_SECONDS });
}

/** The round trip's intent, cleared: null when missing, forged or older than the round trip may take. */
export async function takeOAuthIntent(): Promise<OAuthIntentValue | null> {
  return verify("oauth-intent", await take("oauth-intent"), intentSchema, ROUND_TRIP_SECONDS);
}

export async function handOffIdentity(identity: ProviderIdentity): Promise<void> {
  const value = sign("oauth-identity", { ...identity, at: Math.floor(Date.now() / 1000) });
  (await cookies()).set(cookieName("oauth"), value, { ...sessionCookieOptions(), maxAge: HANDOFF_SECONDS });
}

/** The identity the callback handed over, cleared: null when missing, forged or stale. */
export async function takeHandedOffIdentity(): Promise<ProviderIdentity | null> {
  const taken = verify("oauth-identity", await take("oauth"), identitySchema, HANDOFF_SECONDS);
  if (!taken) return null;
  const { at: _at, ...identity } = taken;
  return identity;
}
