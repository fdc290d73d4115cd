// Guarantee: a server-action request whose headers show it is not from our own page (cross-site,
// Origin: null, no origin, a content type no form sends, no multipart boundary, over 2 MB) gets
// 403/415/400/413 at the door, not a 500; an action handed something other than its form answers
// 2xx/4xx, never a 500; and real forms still work through the door.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, newSignedInUser, randomIp, test } from "./support/fixtures";

interface ReferenceManifest {
  node: Record<string, { filename?: string; exportedName?: string }>;
}

/** An action's id, as the production build under test knows it. */
function actionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as ReferenceManifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && entry.filename === file);
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found[0];
}

const CHOOSE = { page: "/login/two-factor/select", id: () => actionId("chooseMethodAction", "app/(auth)/login/two-factor/select/actions.ts") };
const REVOKE = { page: "/account/sessions", id: () => actionId("revokeSessionAction", "app/(account)/account/sessions/actions.ts") };
const TWO_MB = 2 * 1024 * 1024;

function callAction(request: APIRequestContext, action: { page: string; id: () => string }, headers: Record<string, string>, body: string | Buffer) {
  return request.post(action.page, {
    // A Buffer goes as it is (a string would be JSON-encoded again).
    data: Buffer.isBuffer(body) ? body : Buffer.from(body),
    headers: { "next-action": action.id(), accept: "text/x-component", "x-forwarded-for": randomIp(), ...headers },
    maxRedirects: 0,
  });
}

test("forged headers are refused at the door with 403/415/400/413 and a message, never a 500", async ({ request, baseURL }) => {
  const browser = { origin: baseURL!, "sec-fetch-site": "same-origin", "content-type": "text/plain;charset=UTF-8" };
  const withoutOrigin = { "content-type": browser["content-type"] };
  const cases: { label: string; headers: Record<string, string>; body?: string | Buffer; status: number; says: RegExp }[] = [
    { label: "cross-site", headers: { ...browser, origin: "https://evil.example", "sec-fetch-site": "cross-site" }, status: 403, says: /Cross-site/ },
    { label: "foreign Origin only", headers: { ...withoutOrigin, origin: "https://evil.example" }, status: 403, says: /Cross-site/ },
    { label: "Origin: null", headers: { ...withoutOrigin, origin: "null" }, status: 403, says: /Cross-site/ },
    { label: "no Origin, no Sec-Fetch-Site", headers: withoutOrigin, status: 403, says: /Cross-site/ },
    { label: "Sec-Fetch-Site: same-site", headers: { ...browser, "sec-fetch-site": "same-site" }, status: 403, says: /Cross-site/ },
    { label: "Origin not a URL", headers: { ...withoutOrigin, origin: "not a url" }, status: 403, says: /Cross-site/ },
    // A request that calls itself a router prefetch still meets the door (it used to skip the proxy).
    {
      label: "cross-site, claiming to be a prefetch",
      headers: { ...browser, origin: "https://evil.example", "sec-fetch-site": "cross-site", "next-router-prefetch": "1" },
      status: 403,
      says: /Cross-site/,
    },
    { label: "JSON", headers: { ...browser, "content-type": "application/json" }, status: 415, says: /text\/plain .*multipart/ },
    { label: "URL-encoded", headers: { ...browser, "content-type": "application/x-www-form-urlencoded" }, status: 415, says: /text\/plain/ },
    { label: "UTF-16 text", headers: { ...browser, "content-type": "text/plain;charset=utf-16" }, status: 415, says: /UTF-8/ },
    { label: "no boundary", headers: { ...browser, "content-type": "multipart/form-data" }, status: 400, says: /boundary/ },
    { label: "empty boundary", headers: { ...browser, "content-type": "multipart/form-data; boundary=" }, status: 400, says: /boundary/ },
    { label: "over 2 MB", headers: browser, body: JSON.stringify(["a".repeat(TWO_MB)]), status: 413, says: /too large/ },
  ];
  for (const c of cases) {
    const response = await callAction(request, CHOOSE, c.headers, c.body ?? "[]");
    expect(response.status(), c.label).toBe(c.status);
    expect(response.headers()["cache-control"], c.label).toBe("no-store");
    expect(await response.text(), c.label).toMatch(c.says);
  }
});

test("bodies React never writes are refused with 400 before Next's decoder sees them", async ({ request, baseURL }) => {
  const browser = { origin: baseURL!, "sec-fetch-site": "same-origin", "content-type": "text/plain;charset=UTF-8" };
  const bodies: [string, string | Buffer][] = [
    ["a forged chunk reference", '["$1"]'],
    ["a forged promise", '[{"method":"$@0"}]'],
    ["not an argument list", "{}"],
    ["truncated", '[{"method":"em'],
    ["invalid UTF-8", Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d])],
    ["100,000-deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  ];
  for (const [label, body] of bodies) {
    const response = await callAction(request, CHOOSE, browser, body);
    expect(response.status(), label).toBe(400);
  }
});

test("an action handed something other than its form answers 2xx/4xx, never a TypeError 500", async ({ page, request, baseURL }) => {
  const browser = { origin: baseURL!, "sec-fetch-site": "same-origin", "content-type": "text/plain;charset=UTF-8" };
  for (const body of ["[]", '["a"]', "[{}]", "[null]", '[{"method":"email"}]']) {
    const anonymous = await callAction(request, CHOOSE, browser, body);
    expect(anonymous.status(), `choose ${body}`).toBeLessThan(500);
  }
  await newSignedInUser(page);
  for (const body of ["[]", '["a"]', "[{}]", '[{"id":"x"}]']) {
    const signedIn = await callAction(page.request, REVOKE, browser, body);
    expect(signedIn.status(), `revoke ${body}`).toBeLessThan(500);
  }
  // Nothing was revoked: this session still works.
  await page.goto("/account/sessions");
  await expect(page).toHaveURL(/\/account\/sessions$/);
});

test("real forms still work through the door: signing out another session (FormData) from the sessions page", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password", { exact: true }).fill(password);
  await otherPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(otherPage).toHaveURL(/\/account$/);

  await page.goto("/account/sessions");
  await expect(page.getByTestId("session-list").getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: /^Sign out .* from / }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/account\/sessions\?notice=SESSION_REVOKED&ended=1$/);
  await expect(page.getByTestId("session-list").getByRole("listitem")).toHaveCount(1);

  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/login\?next=%2Faccount/);
  await other.close();
});

test("a form posted before JavaScript runs (a no-JS bound action) still passes the door", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const page = await context.newPage();
  await page.goto("/login/magic/not-a-real-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\?notice=INVALID_LOGIN_TOKEN$/);
  await context.close();
});
