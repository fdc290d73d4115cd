// Lets the test process import the app's core (e2e/support/accounts.ts). Its modules start with
// `import "server-only"`, which throws outside React Server Components; Next resolves it to the
// package's empty module on the server, and so does this (Playwright compiles the tests to
// CommonJS; scripts/support/server-only.mjs does the same for the command-line scripts).
import Module from "node:module";
import path from "node:path";

const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const empty = path.join(path.dirname(require.resolve("server-only")), "empty.js");
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function resolveServerOnly(this: unknown, request: string, ...rest: unknown[]): string {
  return request === "server-only" ? empty : resolveFilename.call(this, request, ...rest);
};
