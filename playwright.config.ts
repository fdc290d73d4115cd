import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN, E2E_REQUIRED_2FA } from "./e2e/support/admin";

/**
 * E2E against `next start` (a production build). The database is the PostgreSQL in
 * E2E_DATABASE_URL when given (CI), else a fresh PGlite folder. Mail goes to the outbox and is
 * read through /dev/mailbox/messages. Each test sends its own X-Forwarded-For (TRUST_PROXY=1)
 * so per-IP rate limits stay per test.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const databaseEnv: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite" };



export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  webServer: {
    command: [
      `npm run admin:create -- ${E2E_ADMIN.email}`,
      `npm run user:create -- ${E2E_REQUIRED_2FA.email} --role ${E2E_REQUIRED_2FA.role}`,
      `npm run start -- -p ${PORT}`,
    ].join(" && "),
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      ...databaseEnv,
      NODE_ENV: "production",
      APP_URL: baseURL,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      MAIL_TRANSPORT: "outbox",
      TRUST_PROXY: "1",
      ADMIN_PASSWORD: E2E_ADMIN.password,
      // Everyone with this role must use two-factor; remembered devices are allowed (off by default).
      SECURITY_TWO_FACTOR_REQUIRED_ROLES: E2E_REQUIRED_2FA.role,
      SECURITY_TWO_FACTOR_ALWAYS_VALIDATE: "false",
      SECURITY_TWO_FACTOR_RESCUE_MAIL: "helpdesk@e2e.test",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
