// Threat: sign-ups with addresses no mail can reach (typos, made-up domains) pile up, or a flaky
// resolver blocks every sign-up. Only a definite "undeliverable" refuses, only at registration.
import { afterEach, describe, expect, it } from "vitest";
// Aliased: the name starts with "use", which the React hooks rule reads as a hook.
import { usePlugins as replaceUtilities, type Deliverability } from "@/lib/security/core/plugins";
import { registerUser } from "@/lib/security/registration/register";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { countUsersWithEmail, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } from "../support/flows";

afterEach(() => replaceUtilities(null));

/** A replacement check that answers `answer` and records the domains it was asked about. */
function checkAnswering(answer: () => Promise<Deliverability>): string[] {
  const asked: string[] = [];
  replaceUtilities({
    emailDeliverability: {
      check: async (domain) => {
        asked.push(domain);
        return answer();
      },
    },
  });
  return asked;
}

const ON = { SECURITY_EMAIL_CHECK_DELIVERABILITY: "true" };

describe("SECURITY_EMAIL_CHECK_DELIVERABILITY", () => {
  it("off (the default): nothing is looked up", async () => {
    const asked = checkAnswering(async () => "undeliverable");
    const email = uniqueEmail("deliver-off");
    expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
    expect(asked).toEqual([]);
    expect(await countUsersWithEmail(email)).toBe(1);
  });

  it("on: an undeliverable domain is refused on the email field with INVALID_EMAIL_ADDRESS, and no account is made", async () => {
    await withEnv(ON, async () => {
      const asked = checkAnswering(async () => "undeliverable");
      const email = uniqueEmail("deliver-no").replace("@example.com", "@Nowhere.Example");
      const result = await registerUser({ email, password: STRONG_PASSWORD }, newCtx());
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { email: ["Invalid email address"] } });
      expect(asked).toEqual(["nowhere.example"]);
      expect(await countUsersWithEmail(email)).toBe(0);
    });
  });

  it.each([
    ["deliverable", async (): Promise<Deliverability> => "deliverable"],
    ["unknown (a resolver with no answer)", async (): Promise<Deliverability> => "unknown"],
    ["a check that throws", async (): Promise<Deliverability> => Promise.reject(new Error("SERVFAIL"))],
  ])("on: %s lets the sign-up through", async (_label, answer) => {
    await withEnv(ON, async () => {
      const asked = checkAnswering(answer);
      const email = uniqueEmail("deliver-yes");
      expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
      expect(asked).toHaveLength(1);
      expect(await countUsersWithEmail(email)).toBe(1);
    });
  });

  it("on: a check that never answers is given up on (a timeout counts as deliverable)", async () => {
    await withEnv(ON, async () => {
      checkAnswering(() => new Promise<Deliverability>(() => undefined));
      const email = uniqueEmail("deliver-hang");
      const started = Date.now();
      expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
      expect(Date.now() - started).toBeLessThan(9000);
      expect(await countUsersWithEmail(email)).toBe(1);
    });
  }, 15_000);

  it("sign-in never checks, even when the domain is now undeliverable", async () => {
    const email = uniqueEmail("deliver-signin");
    await registerConfirmed(email);
    await withEnv(ON, async () => {
      const asked = checkAnswering(async () => "undeliverable");
      expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({ ok: true });
      expect(asked).toEqual([]);
    });
  });
});
