import path from "node:path";
import { defineConfig } from "vitest/config";

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
    // On PGlite each file has a database of its own (tests/support/setup.ts), so two files run at
    // once, one per core. On a PostgreSQL (DATABASE_URL) all files share one database and run one
    // after another, so concurrency tests measure only themselves.
    fileParallelism: !process.env.DATABASE_URL,
    maxWorkers: process.env.DATABASE_URL ? 1 : 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
