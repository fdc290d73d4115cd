/**
 * Does a flow that mails a known address answer slower than one for an unknown address? (Account
 * enumeration by timing, issue #10.) Against the production server entry over HTTP, through the
 * real server actions of register, forgot-password, resend-confirmation, magic link and "email me
 * a code": 20 known and 20 unknown addresses, alternating, with a mail provider (a local mock of
 * Resend's API) that takes 300 ms to answer. Prints the medians and their difference (budget: < 5 ms).
 *
 *   npm run build && npm run bench:mail-timing     (starts a throwaway PostgreSQL; see bench-mail-timing.sh)
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const PROVIDER_MS = 300;
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const PASSWORD = "correct horse battery staple 42";
const ROOT = path.resolve(import.meta.dirname, "..");

/** A Resend look-alike that answers every send after PROVIDER_MS. */
function startSlowProvider(): Promise<{ url: string; sent: () => number; close: () => void }> {
  let sent = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () =>
      setTimeout(() => {
        sent++;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: randomUUID() }));
      }, PROVIDER_MS),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent, close: () => server.close() })),
  );
}

/** The id of a server action, from the build's manifest (file and export name). */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === name);
  if (!found) throw new Error(`no action ${name} in ${file} (build first)`);
  return found[0];
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is required (use npm run bench:mail-timing)");
  const provider = await startSlowProvider();
  const appUrl = `http://localhost:${PORT}`;
  const server = spawn("node", ["server/start.mjs", "-p", String(PORT)], {
    cwd: ROOT,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      APP_URL: appUrl,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-42",
      SECURITY_ALLOW_INSECURE_APP_URL: "true",
      MAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: provider.url,
      // Each request names its own client address (fresh per-IP budgets), as behind a proxy.
      TRUST_PROXY: "1",
    },
  });
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${appUrl}/login`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 200) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
    const { closeDb, getDb } = await import("../lib/db");
    const { addEmailMethod } = await import("../lib/security/codes/store");
    const { createUser } = await import("../lib/security/accounts/users");
    const address = (tag: string) => `${tag}-${randomUUID().slice(0, 12)}@example.com`;
    const known = async (tag: string, confirmed: boolean, emailMethod = false): Promise<string[]> => {
      const out: string[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const user = await createUser({ email: address(tag), password: PASSWORD, confirmed });
        if (!user) throw new Error("could not create a user");
        if (emailMethod) await addEmailMethod(user.id, await getDb());
        out.push(user.email);
      }
      return out;
    };
    const flows = [
      {
        name: "register",
        page: "/register",
        file: "app/(auth)/register/actions.ts",
        action: "registerAction",
        known: await known("reg", false),
        input: (email: string) => ({ email, password: PASSWORD, passwordConfirm: PASSWORD }),
      },
      {
        name: "forgot-password",
        page: "/forgot-password",
        file: "app/(auth)/forgot-password/actions.ts",
        action: "forgotPasswordAction",
        known: await known("fgt", true),
        input: (email: string) => ({ email }),
      },
      {
        name: "resend-confirmation",
        page: "/confirm",
        file: "app/(auth)/confirm/actions.ts",
        action: "resendConfirmationAction",
        known: await known("cnf", false),
        input: (email: string) => ({ email }),
      },
      {
        name: "magic-link",
        page: "/login/magic",
        file: "app/(auth)/login/magic/actions.ts",
        action: "requestMagicLinkAction",
        known: await known("mag", true),
        input: (email: string) => ({ email }),
      },
      {
        name: "send-code",
        page: "/login",
        file: "app/(auth)/login/actions.ts",
        action: "sendSignInCodeAction",
        known: await known("code", true, true),
        input: (email: string) => ({ identity: email, method: "email" }),
      },
    ];
    await closeDb();

    const call = async (flow: (typeof flows)[number], email: string): Promise<number> => {
      const ip = `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 254) + 1}`;
      const start = performance.now();
      const response = await fetch(`${appUrl}${flow.page}`, {
        method: "POST",
        headers: {
          "next-action": actionId(flow.file, flow.action),
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin: appUrl,
          "sec-fetch-site": "same-origin",
          "x-forwarded-for": ip,
        },
        body: JSON.stringify([flow.input(email)]),
      });
      await response.text();
      const elapsed = performance.now() - start;
      if (!response.ok) throw new Error(`${flow.name}: HTTP ${response.status}`);
      return elapsed;
    };
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    };
    const report: Record<string, { knownMs: number; unknownMs: number; differenceMs: number }> = {};
    for (const flow of flows) {
      // Warm up (prepared statements, the page's module graph).
      for (let i = 0; i < 3; i++) await call(flow, address("warm"));
      const k: number[] = [];
      const u: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        // Each request meets an idle server: the previous answer's after-response work (an account's
        // password hash, delivery to the slow provider) has finished, so it lands on neither side.
        // Which side goes first alternates.
        const settle = () => new Promise((r) => setTimeout(r, PROVIDER_MS + 200));
        const sides = [async () => k.push(await call(flow, flow.known[i]!)), async () => u.push(await call(flow, address(`${flow.name}-unknown`)))];
        for (const side of i % 2 === 0 ? sides : sides.reverse()) {
          await side();
          await settle();
        }
      }
      report[flow.name] = { knownMs: round(median(k)), unknownMs: round(median(u)), differenceMs: round(median(k) - median(u)) };
    }
    console.table(report);
    console.log(`provider calls: ${provider.sent()} (each ${PROVIDER_MS} ms, all after the answer)`);
    const worst = Math.max(...Object.values(report).map((r) => Math.abs(r.differenceMs)));
    console.log(`largest |known - unknown| median difference: ${worst} ms (budget < 5 ms) — ${worst < 5 ? "met" : "NOT met"}`);
  } finally {
    server.kill("SIGTERM");
    provider.close();
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
