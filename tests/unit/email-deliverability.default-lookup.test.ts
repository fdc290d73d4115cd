// Threat: the default check refuses a domain that can receive mail (no MX but an A record, a resolver
// timeout), or lets through one that said it takes none (null MX). The resolver is replaced: no DNS here.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

type Outcome = string[] | { code: string };
const answers: { mx: Outcome; a: Outcome; aaaa: Outcome } = { mx: [], a: [], aaaa: [] };
const answer = async (outcome: Outcome): Promise<unknown[]> => {
  if (Array.isArray(outcome)) return outcome;
  throw Object.assign(new Error(outcome.code), { code: outcome.code });
};

vi.mock("node:dns/promises", () => ({
  Resolver: class {
    resolveMx = async () => (await answer(answers.mx)).map((exchange) => ({ exchange, priority: 0 }));
    resolve4 = () => answer(answers.a);
    resolve6 = () => answer(answers.aaaa);
  },
}));

const { resetConfig } = await import("@/lib/security/config");
const { emailMayBeDeliverable } = await import("@/lib/security/core/email-deliverability");

beforeAll(() => {
  process.env.SECURITY_EMAIL_CHECK_DELIVERABILITY = "true";
  resetConfig();
});
afterAll(() => {
  delete process.env.SECURITY_EMAIL_CHECK_DELIVERABILITY;
  resetConfig();
});
beforeEach(() => Object.assign(answers, { mx: { code: "ENOTFOUND" }, a: { code: "ENOTFOUND" }, aaaa: { code: "ENOTFOUND" } }));

describe("the default deliverability look-up", () => {
  it("an MX record: deliverable", async () => {
    answers.mx = ["mx1.example.net"];
    expect(await emailMayBeDeliverable("a@example.net")).toBe(true);
  });

  it('a null MX ("." — RFC 7505, this domain takes no mail): undeliverable', async () => {
    answers.mx = ["."];
    expect(await emailMayBeDeliverable("a@example.net")).toBe(false);
  });

  it("no MX but an A or AAAA record (RFC 5321's implicit MX): deliverable", async () => {
    answers.mx = { code: "ENODATA" };
    answers.a = ["192.0.2.1"];
    expect(await emailMayBeDeliverable("a@example.net")).toBe(true);
    answers.a = { code: "ENODATA" };
    answers.aaaa = ["2001:db8::1"];
    expect(await emailMayBeDeliverable("a@example.net")).toBe(true);
  });

  it("no such domain: undeliverable", async () => {
    expect(await emailMayBeDeliverable("a@no-such-domain.example")).toBe(false);
  });

  it.each(["ETIMEOUT", "ESERVFAIL", "ECONNREFUSED"])("a resolver failure (%s) lets the address through", async (code) => {
    answers.mx = { code };
    expect(await emailMayBeDeliverable("a@example.net")).toBe(true);
    answers.mx = { code: "ENOTFOUND" };
    answers.a = { code };
    expect(await emailMayBeDeliverable("a@example.net")).toBe(true);
  });
});
