/**
 * Fills `{name}` placeholders of a message the server already translated, in a client component
 * (the pages send client components their words as props, not the catalogue: decision 070). Only
 * plain placeholders: a message with plurals or selects is formatted on the server.
 */
export function fill(message: string, values: Readonly<Record<string, string | number>>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
