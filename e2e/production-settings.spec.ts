// Guarantee: production decisions are the running instance's, not the build's — the same build
// sends HSTS on an https APP_URL and not on http, and /dev/mailbox does not exist in production
// unless a staging deployment names it (not even with MAIL_TRANSPORT=outbox, not with a token).
import { expect, test } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { MAILBOX_HEADERS, PRODUCTION_SETTINGS_PORT } from "./support/server";

test.describe.configure({ mode: "serial" });

let instance: Instance;
test.beforeAll(async () => {
  instance = await startInstance(
    PRODUCTION_SETTINGS_PORT,
    // The URL users see is https (TLS ends at a proxy); this instance itself answers http.
    { APP_URL: `https://localhost:${PRODUCTION_SETTINGS_PORT}`, SECURITY_DEV_MAILBOX: "", SECURITY_DEV_MAILBOX_TOKEN: "" },
    { readyPath: "/login" },
  );
});
test.afterAll(() => instance?.stop());

test("HSTS is decided at run time: on for an https APP_URL, off for the http e2e server, same build", async ({ request, playwright }) => {
  const https = await playwright.request.newContext({ baseURL: instance.url });
  const withHsts = await https.get("/login");
  expect(withHsts.status()).toBe(200);
  expect(withHsts.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  await https.dispose();
  expect((await request.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
});

test("/dev/mailbox is a 404 in production without SECURITY_DEV_MAILBOX, even with MAIL_TRANSPORT=outbox and a token", async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: instance.url, extraHTTPHeaders: MAILBOX_HEADERS });
  expect((await client.get("/dev/mailbox")).status()).toBe(404);
  expect((await client.get("/dev/mailbox/messages")).status()).toBe(404);
  await client.dispose();
});
