import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db";
import { databaseUrlFor, postgresPerFile } from "./test-databases";

// Files of the "shared modules" project (vitest.config.mts) run one after another in a worker that
// keeps its modules: each starts from the worker's first environment, with the configuration read
// again and the default mail, SMS and utilities, whatever the file before it changed.
const worker = globalThis as { __gatehouseWorkerEnv?: NodeJS.ProcessEnv };
const firstFileOfWorker = !worker.__gatehouseWorkerEnv;
if (worker.__gatehouseWorkerEnv) {
  const workerEnv = worker.__gatehouseWorkerEnv;
  for (const key of Object.keys(process.env)) if (!(key in workerEnv)) delete process.env[key];
  Object.assign(process.env, workerEnv);
  // Loaded already by the files before (imports of a shared graph are cached): nothing new to import.
  const [{ resetConfig }, { usePlugins: replacePlugins }, { setMailTransport }, { setSmsSender }] = await Promise.all([
    import("@/lib/security/config"),
    import("@/lib/security/core/plugins"),
    import("@/lib/mail"),
    import("@/lib/sms"),
  ]);
  resetConfig();
  replacePlugins(null);
  setMailTransport(null);
  setSmsSender(null);
} else {
  worker.__gatehouseWorkerEnv = { ...process.env };
}

// A security-event subscriber a file adds and leaves would hear the next file's events in a shared
// worker: the file fails instead. The log-and-metrics observer is registered once per copy of
// events.ts, on first use, and stays (lib/observability/security-events.ts). The first file of a
// worker starts with none, and must not load events.ts here: that would come before its vi.mock.
const subscribersBefore = firstFileOfWorker ? new Set<unknown>() : await registeredSubscribers();
afterAll(async () => {
  const left = [...(await registeredSubscribers())].filter((subscriber) => !subscribersBefore.has(subscriber) && subscriber.name !== "observeSecurityEvent");
  if (left.length > 0) throw new Error(`this file left ${left.length} security-event subscriber(s) registered: call the function onSecurityEvent returns`);
});

async function registeredSubscribers(): Promise<ReadonlySet<{ name: string }>> {
  try {
    const events = await import("@/lib/security/core/events");
    return events.currentSubscribers();
  } catch {
    return new Set(); // a file that mocks the module, or what it imports, has nothing of ours to leave
  }
}

// Each test file gets its own database: a private copy of the migrated PGlite template, or on
// PostgreSQL with TEST_DATABASE_PER_FILE=1 a clone of the migrated template database. Otherwise
// (DATABASE_URL alone) all files share that database and use unique data.
if (postgresPerFile()) {
  const { template, prefix } = inject("postgresTemplate");
  const database = `${prefix}_${randomBytes(6).toString("hex")}`;
  const serverUrl = process.env.DATABASE_URL!;
  process.env.DATABASE_URL = databaseUrlFor(serverUrl, database);
  // Before the test file is even imported (a file may use the database at its top level).
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${database} template ${template}`);
  } finally {
    await admin.end();
  }
  afterAll(async () => {
    await closeDb();
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${database} with (force)`).finally(() => admin.end());
  });
} else if (!process.env.DATABASE_URL) {
  const template = inject("pgliteTemplate");
  const dir = mkdtempSync(path.join(os.tmpdir(), "gatehouse-pglite-"));
  cpSync(template, dir, { recursive: true });
  process.env.PGLITE_DIR = dir;
  // Each copy is ~40 MB: a run used to leave one per file in the temp folder.
  afterAll(async () => {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  });
}
process.env.MAIL_TRANSPORT ??= "outbox";
process.env.SECURITY_HIBP_BASE_URL ??= "http://127.0.0.1:9";
// A test's calls carry no cookie jar, so every sign-in after an account's first would be a new
// browser and mail an alert that tests of other flows do not expect in their outbox. The alert's
// own test (new-device-alert.one-mail-per-new-browser) switches it on; the e2e server keeps the default (on).
process.env.SECURITY_NEW_DEVICE_ALERT ??= "false";
