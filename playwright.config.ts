import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN, E2E_REQUIRED_2FA, E2E_RESCUE_2FA } from "./e2e/support/admin";
import { E2E_LOG_DIR } from "./e2e/support/secrets";
import { E2E_PORT, MAILBOX_HEADERS, OIDC_CLIENT, OIDC_PORT, serverEnv } from "./e2e/support/server";

/**
 * E2E against `npm start` (a production build behind the server entry). The database is the
 * PostgreSQL in E2E_DATABASE_URL when given (CI), else a fresh PGlite folder. Mail goes to the
 * outbox and is read through /dev/mailbox/messages with the staging bearer token. Each test
 * sends its own X-Forwarded-For (TRUST_PROXY=1) so per-IP rate limits stay per test.
 */
const PORT = E2E_PORT;

/**
 * Debian's /usr/bin/chromium is a shell wrapper that adds flags for a desktop user (GPU
 * rasterisation, its bundled extensions); the binary beside it runs with Playwright's flags only.
 * Measured on three specs with two workers: 7% less browser CPU (183 s → 170 s).
 */
function chromiumBinary(): string {
  return existsSync("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium";
}
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  // Generous: a test creates its accounts through the UI, and CI machines have two cores.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // Every page and API request may read the outbox (helpers also send it explicitly).
    extraHTTPHeaders: MAILBOX_HEADERS,
    // A trace records every action of every test (kept only on failure): a large share of two cores.
    // CI prints its output and keeps no files, so there it is off; locally a failure keeps its trace.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? chromiumBinary(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: [
        `npm run admin:create -- ${E2E_ADMIN.email}`,
        `npm run user:create -- ${E2E_REQUIRED_2FA.email} --role ${E2E_REQUIRED_2FA.role}`,
        `npm run user:create -- ${E2E_RESCUE_2FA.email} --role ${E2E_RESCUE_2FA.role}`,
        // Its log is part of the run's log check (scripts/check-log-secrets.mjs).
        `mkdir -p ${E2E_LOG_DIR} && npm run start -- -p ${PORT} 2>&1 | tee -a ${E2E_LOG_DIR}/server.log`,
      ].join(" && "),
      url: `${baseURL}/login`,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      // One JSON line per request: it goes to .data/e2e-logs/server.log (tee above), not the console.
      stdout: "ignore",
      env: serverEnv,
    },
    {
      // A real OpenID Connect provider for e2e/oauth.spec.ts (the app's AUTH_OIDC_* point at it).
      command: `mkdir -p ${E2E_LOG_DIR} && node e2e/support/oidc-provider.mjs 2>&1 | tee -a ${E2E_LOG_DIR}/oidc-provider.log`,
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      env: { OIDC_PORT: String(OIDC_PORT), E2E_PORT: String(PORT), OIDC_CLIENT_ID: OIDC_CLIENT.id, OIDC_CLIENT_SECRET: OIDC_CLIENT.secret },
    },
  ],
});
