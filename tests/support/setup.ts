import { cpSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

// Each test file gets its own database: a private copy of the migrated PGlite template, unless
// DATABASE_URL points at a PostgreSQL (then all files share it and use unique data).
if (!process.env.DATABASE_URL) {
  const template = inject("pgliteTemplate");
  const dir = mkdtempSync(path.join(os.tmpdir(), "gatehouse-pglite-"));
  cpSync(template, dir, { recursive: true });
  process.env.PGLITE_DIR = dir;
}
process.env.MAIL_TRANSPORT ??= "outbox";
process.env.SECURITY_HIBP_BASE_URL ??= "http://127.0.0.1:9";
