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
    // Integration tests share one database per run (PGlite in memory, or the PostgreSQL in
    // DATABASE_URL); files run one after another so concurrency tests measure only themselves.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
