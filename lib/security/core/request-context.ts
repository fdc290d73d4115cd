import { getConfig } from "../config";
import { constantTimeEqual } from "./crypto";

/** Who is asking: carried into the core for rate limits, events and trackable fields. */
export interface RequestContext {
  ip: string;
  userAgent: string | null;
  /** The known-device cookie's value this browser sent, when well-formed (sign-in/known-device.ts). */
  knownDevice?: string | null;
  /**
   * The administrator behind this request's session when it is a view-as session (decision 042):
   * every event written with this context names them as its actor (decision 058). Filled from the
   * session, never from the request (sessions/current.ts, lib/api/route.ts).
   */
  actorId?: string | null;
}

/**
 * The known-device cookie (decision 038): a random value per browser, the same for every account
 * signed in from it. Named here, not with the other cookies, because the request context reads it.
 */
export function knownDeviceCookieName(): string {
  return getConfig().secureCookies ? "__Host-gatehouse.known-device" : "gatehouse.known-device";
}

/** A value we could have minted (randomToken: 32 bytes, base64url); anything else is not one. */
export function isKnownDeviceValue(value: string | undefined | null): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

function knownDeviceFrom(headers: Headers): string | null {
  const name = `${knownDeviceCookieName()}=`;
  const pair = (headers.get("cookie") ?? "")
    .split(";")
    .map((s) => s.trim())
    .find((s) => s.startsWith(name));
  const value = pair?.slice(name.length);
  return isKnownDeviceValue(value) ? value : null;
}

/** User agents can be huge; we keep enough to recognise a browser in the sessions list. */
const USER_AGENT_MAX = 512;

/**
 * Set by the production server entry (server/start.mjs) on every request, overwriting any copy
 * the client sent: `<per-process token> <socket address>`. The token is only in that process's
 * environment, so the header cannot be forged when the app is started some other way.
 */
export const PEER_HEADER = "x-gatehouse-peer";
export const PEER_TOKEN_ENV = "GATEHOUSE_PEER_TOKEN";

/** The socket address the server entry vouches for, or null (no entry, or a forged header). */
export function peerAddress(headers: Headers): string | null {
  const token = process.env[PEER_TOKEN_ENV];
  const value = headers.get(PEER_HEADER);
  if (!token || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || !constantTimeEqual(value.slice(0, space), token)) return null;
  return value.slice(space + 1) || null;
}

/**
 * The client IP. TRUST_PROXY=N≥1: the N-th X-Forwarded-For entry from the right, the one our own
 * proxy wrote. TRUST_PROXY=0: the socket address, from the server entry. Without the entry Next
 * fills X-Forwarded-For from the socket only when the client sent none, so the header's last entry
 * is the best left, and a client can choose it (start-up warns). See docs/decisions/003-client-ip.md.
 */
export function requestContextFrom(headers: Headers): RequestContext {
  const hops = getConfig().trustProxy;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = hops > 0 ? chain[Math.max(0, chain.length - hops)] : (peerAddress(headers) ?? chain.at(-1));
  return {
    ip: (ip ?? "unknown").slice(0, 64),
    userAgent: headers.get("user-agent")?.slice(0, USER_AGENT_MAX) ?? null,
    knownDevice: knownDeviceFrom(headers),
  };
}

/** What start-up prints about the client address (null: it is forgeable, warn instead). */
export function clientIpSource(): string | null {
  const hops = getConfig().trustProxy;
  if (hops > 0) return `client IP: X-Forwarded-For, ${hops} trusted hop${hops === 1 ? "" : "s"}`;
  return process.env[PEER_TOKEN_ENV] ? "client IP: socket address" : null;
}
