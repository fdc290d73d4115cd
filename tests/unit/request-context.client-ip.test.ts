// Threat: a client spoofs X-Forwarded-For to dodge per-IP rate limits. Only the entries our own
// proxies add (TRUST_PROXY, counted from the right) are believed.
import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/security/config";
import { requestContextFrom } from "@/lib/security/request-context";

afterEach(() => {
  delete process.env.TRUST_PROXY;
  resetConfig();
});

describe("requestContextFrom", () => {
  it("takes the right-most entry behind one proxy", () => {
    const ctx = requestContextFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", "user-agent": "UA" }));
    expect(ctx).toEqual({ ip: "203.0.113.9", userAgent: "UA" });
  });
  it("counts TRUST_PROXY hops from the right", () => {
    process.env.TRUST_PROXY = "2";
    resetConfig();
    expect(requestContextFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" })).ip).toBe("198.51.100.7");
  });
  it("ignores the header with TRUST_PROXY=0 and bounds user agents", () => {
    process.env.TRUST_PROXY = "0";
    resetConfig();
    const ctx = requestContextFrom(new Headers({ "x-forwarded-for": "6.6.6.6", "user-agent": "x".repeat(10_000) }));
    expect(ctx.ip).toBe("unknown");
    expect(ctx.userAgent).toHaveLength(512);
  });
});
