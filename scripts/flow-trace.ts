/**
 * Which of the repository's files run when a password sign-in that needs an authenticator code
 * goes through the core (issue #11's "files the flow touches"): the flow is run on an embedded
 * PGlite database with V8's precise coverage on, and a file counts when any function of it
 * (not just its module body) was called. The adapters that run inside Next (the route handler,
 * the action, the cookie writers) cannot run here and are listed after the count.
 *   npx tsx --import ./scripts/support/server-only.mjs scripts/flow-trace.ts
 */
import { Session } from "node:inspector/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.DATABASE_URL = "";
process.env.PGLITE_DIR = "memory://";
process.env.AUTH_SECRET ??= "flow-trace-secret-of-at-least-thirty-two-characters";

const ROOT = path.resolve(import.meta.dirname, "..");
const ctx = { ip: "203.0.113.9", userAgent: "flow-trace" };

async function main(): Promise<void> {
  const { createUser } = await import("../lib/security/accounts/users");
  const { getDb } = await import("../lib/db");
  const { saveCodeMethod } = await import("../lib/security/codes/store");
  const { newTotpSecret } = await import("../lib/security/codes/totp");
  const { generate } = await import("otplib");
  const { loginWithPassword } = await import("../lib/security/sign-in/password");
  const { verifySecondFactor } = await import("../lib/security/sign-in/second-factor-steps");

  const email = `trace-${Date.now()}@example.com`;
  const password = "a long enough passphrase for tracing";
  const user = await createUser({ email, password, confirmed: true });
  if (!user) throw new Error("could not create the user");
  const secret = newTotpSecret();
  await saveCodeMethod("two-factor", user.id, { method: "authenticator", secret, phone: null, timeStep: 0 }, await getDb());

  // Warm-up outside the measurement: module bodies and first-call paths of libraries.
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
  await session.post("Profiler.takePreciseCoverage"); // resets the counters

  const first = await loginWithPassword({ identity: email, password, remember: false }, ctx);
  if (!first.ok || first.outcome.status !== "second-factor") throw new Error(`expected a second step, got ${JSON.stringify(first)}`);
  const done = await verifySecondFactor(first.outcome.pendingToken, await generate({ secret }), ctx);
  if (!done.ok) throw new Error(`the code was refused: ${JSON.stringify(done)}`);

  const { result } = await session.post("Profiler.takePreciseCoverage");
  await session.post("Profiler.stopPreciseCoverage");

  const ran = new Set<string>();
  for (const script of result) {
    if (!script.url.startsWith("file://")) continue;
    const file = fileURLToPath(script.url);
    if (!file.startsWith(ROOT) || file.includes("node_modules") || file.includes("/scripts/")) continue;
    // A file counts when one of its own functions was called: not the module body (offset 0), nor
    // the export getters and name helpers the TypeScript loader adds ("get", "__name").
    const own = script.functions.filter((f) => f.ranges[0]!.startOffset > 0 && f.functionName !== "get" && f.functionName !== "__name");
    if (own.some((f) => f.ranges[0]!.count > 0)) ran.add(path.relative(ROOT, file));
  }
  const files = [...ran].sort();
  console.log(files.join("\n"));
  const adapters = [
    "app/(auth)/login/session/route.ts",
    "app/(auth)/login/two-factor/actions.ts",
    "lib/security/sign-in/continue.ts",
    "lib/security/sessions/cookies.ts",
    "lib/security/sessions/current.ts",
  ];
  console.log(
    `\n${files.length} files ran in the core (${files.filter((f) => f.startsWith("lib/security/")).length} in lib/security/), plus the Next-side adapters: ${adapters.join(", ")}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
