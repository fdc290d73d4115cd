// Guarantee: a misconfigured production server refuses to start with a message naming the bad
// variable, instead of failing on its first request (or silently dropping mail).
import { spawn } from "node:child_process";
import { expect, test } from "./support/fixtures";

function startWith(env: Record<string, string>, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["next", "start", "-p", String(port)], {
      env: { ...process.env, NODE_ENV: "production", PGLITE_DIR: "memory://", DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("a bad duration stops the start", async () => {
  const { code, output } = await startWith(
    { AUTH_SECRET: "x".repeat(40), MAIL_TRANSPORT: "outbox", SECURITY_FRESHNESS: "soon" },
    3191,
  );
  expect(code).not.toBe(0);
  expect(output).toContain("SECURITY_FRESHNESS");
});

test("production without a mail transport or AUTH_SECRET stops the start", async () => {
  const { code, output } = await startWith({ AUTH_SECRET: "", RESEND_API_KEY: "", MAIL_TRANSPORT: "" }, 3192);
  expect(code).not.toBe(0);
  expect(output).toContain("AUTH_SECRET is required in production");
  expect(output).toContain("No mail transport in production");
});
