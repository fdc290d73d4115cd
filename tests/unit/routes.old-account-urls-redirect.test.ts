// Threat: a moved page's old URL redirects to a place guarded less strictly than the page was (a
// fresh-only page reached without re-verifying), or an old link in an email stops working.
// Every old URL redirects permanently, deeper paths too, to a destination with the same rule.
import { describe, expect, it } from "vitest";
import nextConfig, { movedAccountPages } from "@/next.config.mjs";
import { ruleFor } from "@/lib/security/core/routes";

describe("the account pages that became Sign-in & security", () => {
  it("lists the four old pages", () => {
    expect(movedAccountPages.map((m) => m.from).sort()).toEqual([
      "/account/passkeys",
      "/account/recovery-codes",
      "/account/sign-in-methods",
      "/account/two-factor",
    ]);
  });

  it.each(movedAccountPages.map((m) => [m.from, m.to]))("%s goes to %s, guarded exactly as strongly", (from, to) => {
    const before = ruleFor(from)!;
    const after = ruleFor(to)!;
    expect(after.access).toBe(before.access);
    expect(after.fresh).toBe(before.fresh);
    expect(after.fresh).toBe(true);
    expect(ruleFor(`${to}/deeper`)).toEqual(after);
  });

  it("redirects permanently, the page and anything below it", async () => {
    const redirects = await nextConfig.redirects();
    for (const { from, to } of movedAccountPages) {
      expect(redirects).toContainEqual({ source: from, destination: to, permanent: true });
      expect(redirects).toContainEqual({ source: `${from}/:rest*`, destination: `${to}/:rest*`, permanent: true });
    }
    // Nothing else is redirected by the config: a stray rule could send a guarded path elsewhere.
    expect(redirects).toHaveLength(movedAccountPages.length * 2);
  });
});
