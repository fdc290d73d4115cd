// Guarantee: on a Node host with no proxy in front (TRUST_PROXY=0, the default), a client cannot
// buy a fresh per-IP budget by sending its own X-Forwarded-For: the server entry gives the app the
// socket address, so the 61st sign-in in 15 minutes from one machine is a 429.
import { expect, randomIp, test, uniqueEmail } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { CLIENT_IP_PORT } from "./support/server";

// One instance on a fixed port, owned by one worker.
test.describe.configure({ mode: "serial" });

let instance: Instance;
test.beforeAll(async () => {
  instance = await startInstance(CLIENT_IP_PORT, { TRUST_PROXY: "0" });
});
test.afterAll(() => instance?.stop());

/** Per-IP sign-in budget (lib/security/core/rate-limit.ts RATE_LIMITS.loginPerIp). */
const LOGINS_PER_IP = 60;

test("a new X-Forwarded-For per request does not reset the per-IP sign-in limit", async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: instance.url });
  const signIn = (xff: string) =>
    client.post("/login/session", {
      // Unknown accounts: only the per-IP budget can answer (each account is tried once).
      data: { identity: uniqueEmail("nobody"), password: "not anyone's password" },
      headers: { origin: instance.url, "x-forwarded-for": xff },
      maxRedirects: 0,
    });
  for (let i = 1; i <= LOGINS_PER_IP; i++) {
    const response = await signIn(randomIp());
    expect(response.status(), `sign-in ${i}`).toBe(400);
  }
  const limited = await signIn(randomIp());
  expect(limited.status()).toBe(429);
  expect((await limited.json()).code).toBe("RATE_LIMITED");
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  await client.dispose();
});
