import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db";

// Each test file gets its own database: a private copy of the migrated PGlite template, unless
// DATABASE_URL points at a PostgreSQL (then all files share it and use unique data).
if (!process.env.DATABASE_URL) {
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
