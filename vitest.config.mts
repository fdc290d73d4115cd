import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const perFile = !process.env.DATABASE_URL || process.env.TEST_DATABASE_PER_FILE === "1";
const TESTS = ["tests/**/*.test.ts", "tests/**/*.test.tsx"];

/**
 * The test files that replace a module with vi.mock (next/headers, the session issuer). Each runs in
 * a fresh module graph of its own; a mock in a graph other files share would leak into them.
 */
function filesThatMock(): string[] {
  return readdirSync("tests", { recursive: true, encoding: "utf8" })
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => path.join("tests", file))
    .filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(file, "utf8")));
}
const mocking = filesThatMock();

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
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
    // (`extends: true` concatenates arrays, so `include` is named per project only.)
    projects: [
      // Most files share their worker's modules (isolate: false): importing the core again for each
      // of ~95 files was ~2 s a file, a fifth of a CI run's vitest time. setup.ts gives each file
      // the worker's starting environment, configuration and utilities back, and a database of its own.
      { extends: true, test: { name: "shared modules", include: TESTS, exclude: mocking, isolate: false } },
      { extends: true, test: { name: "own modules", include: mocking.length ? mocking : ["no-such-file"], isolate: true } },
    ],
  },
});
