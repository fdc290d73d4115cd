import { E2E_ADMIN, E2E_REQUIRED_2FA } from "./admin";

/** The e2e app's port, and the ports of a second instance and of a round-robin proxy in front of both. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const SECOND_INSTANCE_PORT = E2E_PORT + 1;
export const PROXY_PORT = E2E_PORT + 2;

/** The database every instance shares: PostgreSQL in CI, else a PGlite folder (one process only). */
export const databaseEnv: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite" };

/** Environment of `next start` for e2e (playwright.config.ts's web server, and any second instance). */
export const serverEnv: Record<string, string> = {
  ...databaseEnv,
  NODE_ENV: "production",
  APP_URL: `http://localhost:${E2E_PORT}`,
  // Passkeys made through the proxy carry its origin; both are on the RP ID "localhost".
  WEBAUTHN_ORIGINS: `http://localhost:${E2E_PORT},http://localhost:${PROXY_PORT}`,
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  MAIL_TRANSPORT: "outbox",
  TRUST_PROXY: "1",
  ADMIN_PASSWORD: E2E_ADMIN.password,
  // Everyone with this role must use two-factor; remembered devices are allowed (off by default).
  SECURITY_TWO_FACTOR_REQUIRED_ROLES: E2E_REQUIRED_2FA.role,
  SECURITY_TWO_FACTOR_ALWAYS_VALIDATE: "false",
  SECURITY_TWO_FACTOR_RESCUE_MAIL: "helpdesk@e2e.test",
  NEXT_TELEMETRY_DISABLED: "1",
};
