import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Every secret an e2e run sees — passwords, one-time codes, link tokens, session cookies,
 * recovery codes, TOTP secrets — is appended here (one JSON line each), so that after the run
 * scripts/check-log-secrets.mjs can grep every server log for all of them: a log line that ever
 * carries one fails the suite.
 */
export const E2E_LOG_DIR = process.env.E2E_LOG_DIR ?? path.join(".data", "e2e-logs");
const SECRETS_FILE = path.join(E2E_LOG_DIR, "secrets.jsonl");

export type SecretKind = "password" | "code" | "link-token" | "cookie" | "recovery-code" | "totp-secret" | "config" | "api-token";

const seen = new Set<string>();

export function recordSecret(kind: SecretKind, value: string | null | undefined): void {
  if (!value || seen.has(value)) return;
  seen.add(value);
  mkdirSync(E2E_LOG_DIR, { recursive: true });
  appendFileSync(SECRETS_FILE, `${JSON.stringify({ kind, value })}\n`);
}

/** Records the values and hands them back, for a call site that reads secrets off a page. */
export function recordedSecrets<T extends string[]>(kind: SecretKind, values: T): T {
  for (const value of values) recordSecret(kind, value);
  return values;
}
