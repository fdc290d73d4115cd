// Threat: a client spoofs X-Forwarded-For (or the server entry's peer header) to dodge per-IP
// rate limits. Only the entries our own proxies add (TRUST_PROXY, counted from the right) or the
// socket address vouched for by this process's server entry are believed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/security/config";
import { clientIpSource, PEER_HEADER, PEER_TOKEN_ENV, requestContextFrom } from "@/lib/security/core/request-context";

const TOKEN = "per-process-token-per-process-token-123";

function withTrustProxy(value: string | undefined): void {
  if (value === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = value;
  resetConfig();
}

beforeEach(() => withTrustProxy("1"));
afterEach(() => {
  delete process.env.TRUST_PROXY;
  delete process.env.VERCEL;
  delete process.env[PEER_TOKEN_ENV];
  resetConfig();
});

describe("behind proxies (TRUST_PROXY ≥ 1)", () => {
  it("takes the right-most entry behind one proxy", () => {
    const ctx = requestContextFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", "user-agent": "UA" }));
    expect(ctx).toEqual({ ip: "203.0.113.9", userAgent: "UA", knownDevice: null });
  });
  it("counts TRUST_PROXY hops from the right", () => {
    withTrustProxy("2");
    expect(requestContextFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" })).ip).toBe("198.51.100.7");
  });
  it("bounds user agents", () => {
    expect(requestContextFrom(new Headers({ "x-forwarded-for": "6.6.6.6", "user-agent": "x".repeat(10_000) })).userAgent).toHaveLength(512);
  });
});

describe("no proxy (TRUST_PROXY=0, the default off Vercel)", () => {
  it("defaults to 0, and to 1 on Vercel, whose edge writes the header", () => {
    withTrustProxy(undefined);
    expect(clientIpSource()).toBeNull();
    process.env.VERCEL = "1";
    resetConfig();
    expect(clientIpSource()).toBe("client IP: X-Forwarded-For, 1 trusted hop");
  });

  it("uses the socket address from the server entry and ignores X-Forwarded-For", () => {
    withTrustProxy("0");
    process.env[PEER_TOKEN_ENV] = TOKEN;
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: `${TOKEN} 198.51.100.20` });
    expect(requestContextFrom(headers).ip).toBe("198.51.100.20");
    expect(clientIpSource()).toBe("client IP: socket address");
    // IPv6 addresses carry colons; the token ends at the first space.
    expect(requestContextFrom(new Headers({ [PEER_HEADER]: `${TOKEN} ::ffff:203.0.113.5` })).ip).toBe("::ffff:203.0.113.5");
  });

  it("ignores a peer header with the wrong token, and any peer header when the entry did not start the app", () => {
    withTrustProxy("0");
    process.env[PEER_TOKEN_ENV] = TOKEN;
    const forged = new Headers({ "x-forwarded-for": "203.0.113.77", [PEER_HEADER]: "guessed-token 6.6.6.6" });
    expect(requestContextFrom(forged).ip).toBe("203.0.113.77");
    expect(requestContextFrom(new Headers({ [PEER_HEADER]: `${TOKEN}x 6.6.6.6` })).ip).toBe("unknown");
    delete process.env[PEER_TOKEN_ENV];
    // Started some other way: even a well-formed header with some token proves nothing.
    expect(requestContextFrom(new Headers({ [PEER_HEADER]: `${TOKEN} 6.6.6.6` })).ip).toBe("unknown");
    expect(clientIpSource()).toBeNull();
  });

  it("started without the entry, falls back to the header's last entry (forgeable: start-up warns)", () => {
    withTrustProxy("0");
    expect(requestContextFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).ip).toBe("203.0.113.9");
  });
});
