// Lets command-line scripts import the app's server modules. Those start with `import "server-only"`,
// which throws outside React Server Components; Next resolves it to an empty module on the server.
// Scripts cannot use `--conditions=react-server` for that: it also swaps react-dom/server for a
// stub, and the outbox renders email with it. So only "server-only" is redirected, here — for ES
// modules (a resolve hook) and for the CommonJS that tsx compiles TypeScript to.
import Module, { createRequire, register } from "node:module";
import path from "node:path";

const empty = path.join(path.dirname(createRequire(import.meta.url).resolve("server-only")), "empty.js");

register("./server-only-hook.mjs", import.meta.url);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveServerOnly(request, ...rest) {
  return request === "server-only" ? empty : resolveFilename.call(this, request, ...rest);
};
