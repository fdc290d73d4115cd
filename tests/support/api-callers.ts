// Signed-in JSON API callers for the signed-in endpoints' tests: a password sign-in through
// POST /api/security/login (its session cookie in the client's jar, its CSRF token as a header),
// and sessions made stale in the database. Import after vi.mock of next/headers and the issuer.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb, tables } from "@/lib/db";
import { ApiClient } from "./api";
import { STRONG_PASSWORD } from "./flows";

export interface ApiCaller {
  client: ApiClient;
  /** The session's CSRF header, for unsafe calls. */
  headers: Record<string, string>;
  userId: string;
  /** With `?include_auth_token`. */
  token?: string;
}

export async function apiSignIn(email: string, query = ""): Promise<ApiCaller> {
  const { POST } = await import("@/app/api/security/login/route");
  const client = new ApiClient();
  const answer = await client.call(POST, "POST", "/api/security/login", { json: { email, password: STRONG_PASSWORD }, query });
  expect(answer.status).toBe(200);
  const user = answer.body.response.user as Record<string, string>;
  return { client, headers: { "X-CSRF-Token": String(answer.body.response.csrf_token) }, userId: user.id!, token: user.authentication_token };
}

/** As if the user's sign-ins were two days old: past SECURITY_FRESHNESS and its grace. */
export async function makeSessionsStale(userId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(tables.sessions)
    .set({ authenticatedAt: new Date(Date.now() - 48 * 3600 * 1000), graceUntil: null })
    .where(eq(tables.sessions.userId, userId));
}
