import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// The package's own empty module (its "react-server" export), found next to its main file.
const main = createRequire(import.meta.url).resolve("server-only");
const empty = pathToFileURL(path.join(path.dirname(main), "empty.js")).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: empty, shortCircuit: true };
  return nextResolve(specifier, context);
}
