/**
 * The operations settings (read once at start-up by lib/startup.ts, which stops the instance with
 * the variable's name when one is wrong, like the security configuration does).
 */
export interface OperationsSettings {
  /** Bearer token for /api/metrics; without it only admin sessions may scrape. */
  metricsToken: string | null;
}

/** Long enough that guessing it is not a plan (the same floor as the dev mailbox token). */
const MIN_TOKEN_LENGTH = 32;

export function operationsSettings(env: NodeJS.ProcessEnv = process.env): OperationsSettings {
  const token = env.METRICS_TOKEN?.trim() || null;
  if (token && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(`METRICS_TOKEN: must be at least ${MIN_TOKEN_LENGTH} characters (openssl rand -base64 32)`);
  }
  const level = env.LOG_LEVEL;
  if (level && !["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(level)) {
    throw new Error(`LOG_LEVEL: one of fatal, error, warn, info, debug, trace, silent (got ${level})`);
  }
  return { metricsToken: token };
}
