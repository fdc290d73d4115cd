import { fieldErrorsFrom } from "./schemas";

type Issues = Parameters<typeof fieldErrorsFrom>[0];

/**
 * A form's fields through its schema, as the flows take them from any transport (a page's action,
 * the JSON API): the parsed value, or an INVALID_INPUT failure with the fields zod named.
 */
export function parseInput<T>(
  schema: { safeParse: (input: unknown) => { success: true; data: T } | { success: false; error: Issues } },
  input: unknown,
): { ok: true; data: T } | { ok: false; code: "INVALID_INPUT"; fieldErrors: Record<string, string[]> } {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, code: "INVALID_INPUT", fieldErrors: fieldErrorsFrom(parsed.error) };
}
