// Decodes server-action request bodies with React's own reply decoder — the one Next.js runs
// before an action — so tests can check that what the door lets through decodes.
// Run as `node --conditions=react-server decode-reply.mjs` with a JSON list on stdin:
// [{ contentType, body (base64) }] → [{ ok, error? }].
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { decodeReply, createTemporaryReferenceSet } = require("next/dist/compiled/react-server-dom-turbopack/server.node");

// Next.js: more arguments than this is an error before the action runs (action-handler.js).
const ARGS_LIMIT = 1000;
const HANG_MS = 2000;

async function decode({ contentType, body }) {
  const bytes = Buffer.from(body, "base64");
  const input = contentType.startsWith("multipart/form-data")
    ? await new Response(bytes, { headers: { "content-type": contentType } }).formData()
    : bytes.toString("utf-8");
  const decoded = decodeReply(input, {}, { temporaryReferences: createTemporaryReferenceSet() });
  const args = await Promise.race([decoded, new Promise((_, reject) => setTimeout(() => reject(new Error("hangs")), HANG_MS))]);
  if (!Array.isArray(args)) throw new Error("arguments are not a list");
  if (args.length > ARGS_LIMIT) throw new Error("too many arguments");
}

{
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const results = [];
  for (const item of JSON.parse(Buffer.concat(chunks).toString("utf8"))) {
    try {
      await decode(item);
      results.push({ ok: true });
    } catch (error) {
      results.push({ ok: false, error: String(error && error.message).slice(0, 200) });
    }
  }
  process.stdout.write(JSON.stringify(results));
  process.exit(0);
}
