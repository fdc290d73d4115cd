// Guarantee: POST /login/session, the sign-in form's endpoint, acts only on same-origin requests,
// answers every malformed body with a 4xx and a message (never a 500), counts failures against
// the account (429 + Retry-After), and still signs in with JavaScript off (303s, no password in a URL).
import type { APIRequestContext } from "@playwright/test";
import { expect, newSignedInUser, randomIp, test } from "./support/fixtures";

const ENDPOINT = "/login/session";

function post(request: APIRequestContext, origin: string, body: string, headers: Record<string, string> = {}) {
  return request.post(ENDPOINT, {
    // A Buffer goes as it is (a string would be JSON-encoded again).
    data: Buffer.from(body),
    headers: { "content-type": "application/json", origin, "x-forwarded-for": randomIp(), ...headers },
    maxRedirects: 0,
  });
}

test("cross-site and origin-less requests are refused before anything is read", async ({ request, baseURL }) => {
  const body = JSON.stringify({ identity: "someone@example.com", password: "whatever it is" });
  const refused: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: baseURL!, "sec-fetch-site": "cross-site" }, { origin: "null" }];
  for (const headers of refused) {
    const response = await post(request, headers.origin!, body, headers);
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect((await response.json()).message).toContain("Cross-site");
  }
  const bare = await request.post(ENDPOINT, { data: body, headers: { "content-type": "application/json" }, maxRedirects: 0 });
  expect(bare.status()).toBe(403);
});

test("malformed bodies get a 4xx with a message, never a 500", async ({ request, baseURL }) => {
  const origin = baseURL!;
  const cases: { body: string; type?: string; status: number; says: RegExp }[] = [
    { body: "identity=a", type: "text/plain", status: 415, says: /JSON or URL-encoded/ },
    { body: "{", status: 400, says: /not valid JSON/ },
    { body: "[1,2]", status: 400, says: /JSON object/ },
    { body: "null", status: 400, says: /JSON object/ },
    { body: JSON.stringify({ identity: 5, password: ["x"] }), status: 400, says: /Check the highlighted fields/ },
    { body: JSON.stringify({ identity: "x".repeat(1_000_000), password: "p" }), status: 400, says: /Check the highlighted fields/ },
    { body: JSON.stringify({ identity: "a\u0000b@example.com", password: "\u202e\ud83d\ude00" }), status: 400, says: /don't match/ },
    { body: JSON.stringify({ identity: "x".repeat(3 * 1024 * 1024) }), status: 413, says: /too large/ },
  ];
  for (const c of cases) {
    const response = await post(request, origin, c.body, c.type ? { "content-type": c.type } : {});
    expect(response.status(), c.body.slice(0, 40)).toBe(c.status);
    expect((await response.json()).message, c.body.slice(0, 40)).toMatch(c.says);
  }
  const typed = await post(request, origin, JSON.stringify({ identity: 5, password: ["x"] }));
  expect(Object.keys((await typed.json()).fieldErrors).sort()).toEqual(["identity", "password"]);
});

test("a sign-in answers with the safe destination, an HttpOnly session cookie and no-store", async ({ page, playwright, baseURL }) => {
  const { email, password } = await newSignedInUser(page);
  const body = (next: string) => JSON.stringify({ identity: email.toUpperCase(), password, remember: false, next });
  for (const [next, expected] of [
    ["/account/sessions", "/account/sessions"],
    ["//evil.example/", "/account"],
    ["https://evil.example/", "/account"],
  ] as const) {
    const client = await playwright.request.newContext({ baseURL });
    const response = await post(client, baseURL!, body(next));
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ redirectTo: expected });
    expect(response.headers()["cache-control"]).toContain("no-store");
    const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("gatehouse.session="));
    expect(cookie?.value).toMatch(/HttpOnly/i);
    expect(cookie?.value).toMatch(/SameSite=Lax/i);
    expect(cookie?.value).not.toMatch(/Expires=/i);

    // Already signed in: sent on to the post-login view, no second session.
    const again = await post(client, baseURL!, body(next));
    expect(await again.json()).toEqual({ redirectTo: "/account" });
    expect(again.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("gatehouse.session="))).toBe(false);
    await client.dispose();
  }
});

test("wrong passwords get one generic answer; past the account's budget it is 429 with Retry-After", async ({ page, request, baseURL }) => {
  const { email, password } = await newSignedInUser(page);
  const wrong = JSON.stringify({ identity: email, password: "definitely not the password" });
  const first = await post(request, baseURL!, wrong);
  expect(first.status()).toBe(400);
  const generic = await first.json();
  expect(generic.code).toBe("GENERIC_AUTHN_FAILED");
  const unknown = await post(request, baseURL!, JSON.stringify({ identity: "nobody-at-all@example.com", password: "definitely not the password" }));
  expect(await unknown.json()).toEqual(generic);

  // Each attempt from a new address: it is the account's budget (10 per 15 minutes) that answers.
  for (let i = 1; i < 10; i++) expect((await post(request, baseURL!, wrong)).status()).toBe(400);
  const limited = await post(request, baseURL!, JSON.stringify({ identity: email, password }));
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).code).toBe("RATE_LIMITED");
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts (never a GET with the password) and signs in to `next`; a failure comes back as a notice", async ({ page, browser }) => {
    const setup = await browser.newContext({ javaScriptEnabled: true });
    const { email, password } = await newSignedInUser(await setup.newPage());
    await setup.close();

    await page.goto("/login?next=%2Faccount%2Fsessions");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("not the password at all");
    const failed = page.waitForRequest((r) => r.url().endsWith(ENDPOINT));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    expect((await failed).method()).toBe("POST");
    await expect(page).toHaveURL(/\/login\?notice=GENERIC_AUTHN_FAILED&next=%2Faccount%2Fsessions$/);
    await expect(page.getByTestId("notice")).toContainText("That email and password don't match.");
    expect(page.url()).not.toContain("not the password");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/account\/sessions$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
