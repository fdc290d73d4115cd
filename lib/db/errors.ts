/**
 * PostgreSQL's unique_violation (23505), as postgres.js and PGlite report it (drizzle may wrap the
 * driver's error in `cause`): the unique index decided between two writers, the loser gets a value.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return String(e?.code ?? e?.cause?.code) === "23505";
}

/**
 * Whether a query failed before anything reached the server: its connection could not be opened
 * (refused, unreachable, timed out while connecting, a name that did not resolve) or the server
 * turned the connection away at its start (57P03 starting up or shutting down, 53300 too many
 * connections). Such a statement was never sent, so sending it again cannot run it twice. A failure
 * on an open connection (reset, closed, 57P01 terminated) is not one: the statement may have run.
 */
export function neverReachedTheServer(error: unknown): boolean {
  const e = error as { code?: unknown; syscall?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  const code = String(e.code);
  if (code === "CONNECT_TIMEOUT" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "57P03" || code === "53300") return true;
  return e.syscall === "connect" && ["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"].includes(code);
}
