import type { AbstractIntlMessages } from "next-intl";

/** A catalogue as "namespace.key" → message. */
export function flatten(messages: AbstractIntlMessages, prefix = "", into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}
