import { getConfig } from "./config";

/** Who is asking: carried into the core for rate limits, events and trackable fields. */
export interface RequestContext {
  ip: string;
  userAgent: string | null;
}

/** User agents can be huge; we keep enough to recognise a browser in the sessions list. */
const USER_AGENT_MAX = 512;

/**
 * The client IP from X-Forwarded-For. Next.js fills the header with the socket address when a
 * request arrives without one; behind N proxies (TRUST_PROXY=N, default 1) the N-th entry from
 * the right is the one our own proxy wrote. See docs/decisions/003-client-ip.md.
 */
export function requestContextFrom(headers: Headers): RequestContext {
  const hops = getConfig().trustProxy;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = hops > 0 ? chain[Math.max(0, chain.length - hops)] : undefined;
  return {
    ip: (ip ?? "unknown").slice(0, 64),
    userAgent: headers.get("user-agent")?.slice(0, USER_AGENT_MAX) ?? null,
  };
}
