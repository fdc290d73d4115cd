import type { FieldErrors } from "@/lib/security/core/errors";

/**
 * Flask-Security's field names for ours, per endpoint: `{ email: "identity" }` reads the request's
 * `email` as our `identity`, and answers an error on `identity` under `email`. Names not listed
 * are the same on both sides (`password`, `remember`, `next`, `code`).
 */
export type FieldNames = Readonly<Record<string, string>>;

/** The request's fields under our names (unlisted names kept as they are). */
export function ourFields(fields: Record<string, unknown>, names: FieldNames = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) out[names[name] ?? name] = value;
  return out;
}

/** Our field errors under Flask-Security's names; form-level errors stay under "". */
export function referenceFieldErrors(errors: FieldErrors | undefined, names: FieldNames = {}): Record<string, string[]> {
  // The first reference name listed for one of ours answers for it (login: `email`, not `username`).
  const reverse = new Map<string, string>();
  for (const [theirs, ours] of Object.entries(names)) if (!reverse.has(ours)) reverse.set(ours, theirs);
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors ?? {})) {
    if (messages?.length) (out[reverse.get(field) ?? field] ??= []).push(...messages);
  }
  return out;
}
