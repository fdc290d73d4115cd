import "server-only";
import { createHmac } from "node:crypto";
import { constantTimeEqual } from "./crypto";
import { derivedKey } from "./hmac";

/**
 * CSRF tokens for cookie-authenticated JSON calls, derived rather than stored (no state in
 * memory, nothing to write): an HMAC of what the caller's cookie already holds — the session
 * token, or for an anonymous browser its random CSRF cookie — under a key derived from
 * AUTH_SECRET. Only a page of this origin can read the token out of a JSON answer, and a new
 * session (a sign-in) gives a new token.
 */
export type CsrfBinding = { kind: "session"; token: string } | { kind: "anonymous"; nonce: string } | { kind: "auth-token"; token: string };

const csrfKey = (): Buffer => derivedKey("csrf-token");

export function csrfTokenFor(binding: CsrfBinding): string {
  const value = binding.kind === "anonymous" ? binding.nonce : binding.token;
  return createHmac("sha256", csrfKey()).update(`${binding.kind}:${value}`).digest("base64url");
}

export function csrfTokenMatches(binding: CsrfBinding, presented: string | null): boolean {
  return presented !== null && presented.length < 256 && constantTimeEqual(presented, csrfTokenFor(binding));
}
