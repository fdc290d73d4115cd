import pino, { type Logger } from "pino";

/**
 * The app's structured log: one JSON object per line on stdout (pino), the same shape the server
 * entry writes its request lines in. LOG_LEVEL (default info) picks what is written. Secrets are
 * never passed to it; the redaction below is a second line of defence for keys that could hold one.
 */
const LOGGER = Symbol.for("gatehouse.logger");

export const REDACTED_KEYS = ["password", "token", "code", "secret", "cookie", "authorization", "otp", "recoveryCode", "link"];

export function logger(): Logger {
  const store = globalThis as Record<symbol, Logger | undefined>;
  store[LOGGER] ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]), censor: "[redacted]" },
  });
  return store[LOGGER];
}
