/**
 * Does a flow that mails a known address answer slower than one for an unknown address?
 * (Account enumeration by timing, issue #10.) For register, forgot-password, resend-confirmation,
 * magic link and "email me a code": 20 known and 20 unknown addresses, alternating, with a mail
 * provider that takes 300 ms to answer, each delivery run after the call as `after()` would. Prints
 * the medians and their difference (budget: under 5 ms).
 *
 *   npm run bench:mail-timing                      # PGlite in a temp folder
 *   DATABASE_URL=postgres://… npm run bench:mail-timing
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const PROVIDER_MS = 300;
const PASSWORD = "correct horse battery staple 42";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = mkdtempSync(path.join(os.tmpdir(), "gatehouse-timing-"));
  process.env.MAIL_TRANSPORT = "resend";
  process.env.RESEND_API_KEY = "re_bench";
  const { closeDb, getDb } = await import("../lib/db");
  const { setMailTransport } = await import("../lib/mail");
  const { deliverOutbox } = await import("../lib/outbox/deliver");
  const { resendConfirmation } = await import("../lib/security/confirm");
  const { requestPasswordReset } = await import("../lib/security/password-reset");
  const { registerUser } = await import("../lib/security/register");
  const { requestMagicLink } = await import("../lib/security/unified/magic-link");
  const { addEmailMethod } = await import("../lib/security/unified/methods");
  const { sendSignInCode } = await import("../lib/security/unified/sign-in");
  const { createUser } = await import("../lib/security/users");

  // The provider answers after 300 ms (as Resend does on a bad day).
  let sent = 0;
  setMailTransport({ name: "slow-provider", send: () => new Promise((resolve) => setTimeout(() => resolve(void sent++), PROVIDER_MS)) });
  await getDb();
  const email = (tag: string) => `${tag}-${randomUUID().slice(0, 12)}@example.com`;
  const ctx = () => ({ ip: `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`, userAgent: "bench" });

  async function knownUsers(tag: string, options: { confirmed: boolean; emailMethod?: boolean }): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const user = await createUser({ email: email(tag), password: PASSWORD, confirmed: options.confirmed });
      if (!user) throw new Error("could not create a user");
      if (options.emailMethod) await addEmailMethod(user.id, await getDb());
      out.push(user.email);
    }
    return out;
  }

  const flows: { name: string; known: string[]; call: (address: string) => Promise<unknown> }[] = [
    { name: "register", known: await knownUsers("reg", { confirmed: false }), call: (a) => registerUser({ email: a, password: PASSWORD }, ctx()) },
    { name: "forgot-password", known: await knownUsers("fgt", { confirmed: true }), call: (a) => requestPasswordReset(a, ctx()) },
    { name: "resend-confirmation", known: await knownUsers("cnf", { confirmed: false }), call: (a) => resendConfirmation(a, ctx()) },
    { name: "magic-link", known: await knownUsers("mag", { confirmed: true }), call: (a) => requestMagicLink({ email: a, browserNonce: "n".repeat(43) }, ctx()) },
    {
      name: "send-code",
      known: await knownUsers("code", { confirmed: true, emailMethod: true }),
      call: (a) => sendSignInCode({ identity: a, method: "email", browserNonce: "n".repeat(43) }, ctx()),
    },
  ];

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const report: Record<string, { knownMs: number; unknownMs: number; differenceMs: number }> = {};
  for (const flow of flows) {
    const known: number[] = [];
    const unknown: number[] = [];
    // Warm up both paths (prepared statements, first render).
    await flow.call(email("warm"));
    for (let i = 0; i < SAMPLES; i++) {
      for (const [list, address] of [
        [known, flow.known[i]!],
        [unknown, email(`${flow.name}-unknown`)],
      ] as const) {
        const start = performance.now();
        await flow.call(address);
        list.push(performance.now() - start);
        // What after() does once the response has gone: not part of the answer's time.
        await deliverOutbox();
      }
    }
    const k = median(known);
    const u = median(unknown);
    report[flow.name] = { knownMs: round(k), unknownMs: round(u), differenceMs: round(k - u) };
  }
  console.table(report);
  console.log(`provider calls: ${sent} (each ${PROVIDER_MS} ms, all after the answer)`);
  const worst = Math.max(...Object.values(report).map((r) => Math.abs(r.differenceMs)));
  console.log(`largest |known - unknown| median difference: ${worst} ms (budget < 5 ms) — ${worst < 5 ? "met" : "NOT met"}`);
  await closeDb();
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
