#!/usr/bin/env node
/**
 * After the e2e run (scripts/test.sh): greps every server log the run wrote for every secret the
 * run used — passwords, one-time codes, link tokens, session cookies, recovery codes, TOTP
 * secrets, the run's own keys — recorded by the e2e helpers (e2e/support/secrets.ts). Fails when
 * any log line carries one (printing the kind and the log line's place, never the secret), and
 * when there is too little to check, so it cannot pass by checking nothing.
 *
 *   node scripts/check-log-secrets.mjs [.data/e2e-logs]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? process.env.E2E_LOG_DIR ?? path.join(".data", "e2e-logs");
const MIN_SECRETS = Number(process.env.LOG_CHECK_MIN_SECRETS ?? 20);
const MIN_REQUEST_LINES = Number(process.env.LOG_CHECK_MIN_REQUESTS ?? 100);

const secrets = readFileSync(path.join(dir, "secrets.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const logs = readdirSync(dir).filter((f) => f.endsWith(".log"));

// Numbers that are not the app's (process ids, durations, times) could equal a 6-digit code by
// chance; they are blanked before matching. A short secret must stand alone as a word.
const NOISE = /"(pid|durationMs|time)":("[^"]*"|[\d.]+)/g;
const matchers = secrets.map(({ kind, value }) => {
  if (value.length >= 12) return { kind, test: (line) => line.includes(value) };
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(?<![0-9A-Za-z])${escaped}(?![0-9A-Za-z])`, "i");
  return { kind, test: (_line, clean) => re.test(clean) };
});

let requestLines = 0;
const leaks = [];
for (const file of logs) {
  const lines = readFileSync(path.join(dir, file), "utf8").split("\n");
  lines.forEach((line, i) => {
    if (line.includes('"msg":"request"')) requestLines++;
    const clean = line.replace(NOISE, "");
    for (const m of matchers) if (m.test(line, clean)) leaks.push(`${file}:${i + 1} carries a ${m.kind}`);
  });
}

const counts = secrets.reduce((acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }), {});
console.log(
  `log check: ${secrets.length} secrets (${Object.entries(counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ")}) against ${logs.length} logs, ${requestLines} request lines`,
);
if (secrets.length < MIN_SECRETS || requestLines < MIN_REQUEST_LINES) {
  console.error(
    `log check: too little to check (want ≥ ${MIN_SECRETS} secrets and ≥ ${MIN_REQUEST_LINES} request lines): did the e2e run write its logs to ${dir}?`,
  );
  process.exit(1);
}
if (leaks.length) {
  console.error(`log check: ${leaks.length} log lines carry a secret:\n  ${[...new Set(leaks)].slice(0, 50).join("\n  ")}`);
  process.exit(1);
}
console.log("log check: no secret in any log line");
