/**
 * A plain object (not null, not an array): the first check on a value that came from outside — a
 * JSON answer, or a form state the browser posted back — before its fields are read.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
