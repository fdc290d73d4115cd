import path from "node:path";
import { defineConfig } from "vitest/config";

const perFile = !process.env.DATABASE_URL || process.env.TEST_DATABASE_PER_FILE === "1";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    // next-auth imports "next/server" without an extension (fine for Next's bundler, not for
    // Node's ESM loader); letting Vite resolve it makes the issuer importable in tests.
    server: { deps: { inline: ["next-auth"] } },
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup.ts"],
    // Where each file has a database of its own (PGlite; PostgreSQL with TEST_DATABASE_PER_FILE=1,
    // tests/support/setup.ts) two files run at once, one per core. Files sharing one database
    // (DATABASE_URL alone: a pooler) run one after another, so concurrency tests measure only themselves.
    fileParallelism: perFile,
    maxWorkers: perFile ? 2 : 1,
    // Generous: with two files at once, a file's first test also pays for its database and imports.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
