/**
 * PostgreSQL's unique_violation (23505), as postgres.js and PGlite report it (drizzle may wrap the
 * driver's error in `cause`): the unique index decided between two writers, the loser gets a value.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return String(e?.code ?? e?.cause?.code) === "23505";
}
