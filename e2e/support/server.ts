import { E2E_ADMIN, E2E_REQUIRED_2FA } from "./admin";

/** The e2e app's port, and the ports of a second instance and of a round-robin proxy in front of both. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const SECOND_INSTANCE_PORT = E2E_PORT + 1;
export const PROXY_PORT = E2E_PORT + 2;
/**
 * Instances single specs start with settings changed (one port each: specs run in parallel, so two
 * specs sharing one could meet). Every port of the suite is E2E_PORT + 0…49.
 */
export const PASSWORDLESS_PORT = E2E_PORT + 3;
export const PRE_CONFIRMATION_PORT = E2E_PORT + 10;
export const CLIENT_IP_PORT = E2E_PORT + 11;
export const PRODUCTION_SETTINGS_PORT = E2E_PORT + 12;
export const STARTUP_PORTS = [E2E_PORT + 13, E2E_PORT + 14, E2E_PORT + 15, E2E_PORT + 16] as const;
export const REQUIRED_TWO_FACTOR_PORT = E2E_PORT + 17;
/** Operations specs: instances against a PostgreSQL of their own (outage, shutdown, standalone build). */
export const OUTAGE_PORT = E2E_PORT + 20;
export const SHUTDOWN_PORTS = [E2E_PORT + 21, E2E_PORT + 22] as const;
export const STANDALONE_PORT = E2E_PORT + 23;
export const MAIL_MOCK_PORTS = [E2E_PORT + 24, E2E_PORT + 25] as const;
/** The single-page app stand-in and the SPA-mode instance of spa-email-links.spec.ts. */
export const SPA_PORTS = [E2E_PORT + 26, E2E_PORT + 27] as const;
/** The OAuth spec's instances (each may create accounts from a provider): the callback on another process, the last way in. */
export const OAUTH_PORTS = [E2E_PORT + 28, E2E_PORT + 29] as const;
/** reference-settings.spec.ts: the reference's switches that change where a flow ends (auto-login after confirm and reset). */
export const REFERENCE_SETTINGS_PORT = E2E_PORT + 30;
/** e2e/server-processes.spec.ts: `npm start` with two server processes (server/start.mjs). */
export const SERVER_PROCESSES_PORT = E2E_PORT + 31;
/** The test OpenID Connect provider (e2e/support/oidc-provider.mjs), started beside the app: beside
 * its port too, so two suites on different E2E_PORTs (a helper's worktree and main) do not meet. */
export const OIDC_PORT = Number(process.env.OIDC_PORT ?? E2E_PORT + 49);
export const OIDC_CLIENT = { id: "gatehouse-e2e", secret: "gatehouse-e2e-client-secret-0001" } as const;
/** Their PostgreSQL servers (one per spec: a restart must not touch the suite's shared database). */
export const OPS_PG_PORT = Number(process.env.E2E_OPS_PG_PORT ?? 54340);

/**
 * Production keeps /dev/mailbox closed; the e2e server opens it the way a staging deployment
 * would (SECURITY_DEV_MAILBOX) and the helpers read it with this bearer token.
 */
export const E2E_MAILBOX_TOKEN = "e2e-mailbox-token-e2e-mailbox-token-0001";
export const MAILBOX_HEADERS: Record<string, string> = { "x-dev-mailbox-token": E2E_MAILBOX_TOKEN };
/** The scrape token of /api/metrics (METRICS_TOKEN). */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-e2e-metrics-token-0001";

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
  SECURITY_DEV_MAILBOX: "true",
  SECURITY_DEV_MAILBOX_TOKEN: E2E_MAILBOX_TOKEN,
  METRICS_TOKEN: E2E_METRICS_TOKEN,
  // A production build on http://localhost, on PGlite unless E2E_DATABASE_URL is given.
  SECURITY_ALLOW_INSECURE_APP_URL: "true",
  SECURITY_ALLOW_PGLITE_IN_PRODUCTION: "true",
  // Each test sends its own X-Forwarded-For, so per-IP limits stay per test.
  TRUST_PROXY: "1",
  ADMIN_PASSWORD: E2E_ADMIN.password,
  // Everyone with this role must use two-factor; remembered devices are allowed (off by default).
  SECURITY_TWO_FACTOR_REQUIRED_ROLES: E2E_REQUIRED_2FA.role,
  SECURITY_TWO_FACTOR_ALWAYS_VALIDATE: "false",
  SECURITY_TWO_FACTOR_RESCUE_MAIL: "helpdesk@e2e.test",
  NEXT_TELEMETRY_DISABLED: "1",
  // One process per server: on PostgreSQL `npm start` would run one per core (decision 069), and the
  // suite already runs several servers on a two-core machine. server-processes.spec.ts runs two.
  SERVER_PROCESSES: "1",
  // The test OpenID Connect provider: "Continue with Test ID" on /login and /verify.
  AUTH_OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
  AUTH_OIDC_ID: OIDC_CLIENT.id,
  AUTH_OIDC_SECRET: OIDC_CLIENT.secret,
  AUTH_OIDC_NAME: "Test ID",
};
