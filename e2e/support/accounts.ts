// Accounts for tests that need a signed-in user but do not test registration: made by the core's
// createUser, as `npm run user:create` makes them, against the suite's PostgreSQL — no route of
// the app is involved. The registration specs (register-confirm, the load-balancer and
// pre-hijacking ones) keep going through the pages and the emailed link.
import "./server-only";
import { closeDb, getDb } from "../../lib/db";
import { createUser } from "../../lib/security/accounts/users";
import { E2E_PORT, PROXY_PORT, SECOND_INSTANCE_PORT } from "./server";

/** The servers that use the suite's database: the main one, the second instance and HAProxy in front of both. */
const SHARED_DATABASE_ORIGINS = new Set([E2E_PORT, SECOND_INSTANCE_PORT, PROXY_PORT].map((port) => `http://localhost:${port}`));

let opened: Promise<unknown> | undefined;

/** Opens this worker's pool (two connections, never migrating: the server did) without leaving DATABASE_URL in its environment. */
function openSharedDatabase(url: string): Promise<unknown> {
  opened ??= (async () => {
    const settings = { DATABASE_URL: url, DATABASE_MIGRATE_ON_START: "false", DATABASE_POOL_SIZE: "2", DATABASE_APPLICATION_NAME: "gatehouse e2e accounts" };
    const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
    Object.assign(process.env, settings);
    try {
      return await getDb();
    } finally {
      // Instances a spec starts inherit this process's environment (e2e/support/instance.ts).
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  })();
  return opened;
}

/**
 * Creates a confirmed account with this password when `origin` is a server on the suite's
 * PostgreSQL (E2E_DATABASE_URL). False otherwise (a PGlite folder is one process's, and specs'
 * own instances have their own database): the caller registers through the pages instead.
 */
export async function createConfirmedAccount(origin: string, email: string, password: string): Promise<boolean> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url || !SHARED_DATABASE_ORIGINS.has(origin)) return false;
  await openSharedDatabase(url);
  if (!(await createUser({ email, password, confirmed: true }))) throw new Error(`${email} already exists`);
  return true;
}

/** Closes this worker's pool, if it opened one. */
export async function closeSharedDatabase(): Promise<void> {
  if (opened) await closeDb();
  opened = undefined;
}
