/**
 * Client-safe: a catalogue template the server passed raw (`t.raw`), filled in the browser, where
 * next-intl is not loaded (decision 070). Only plain `{name}` placeholders; a missing one stays.
 */
export function fillWords(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The text before and after `{name}`, so the value between them can be drawn in bold. */
export function aroundPlaceholder(template: string, name: string): [string, string] {
  const at = template.indexOf(`{${name}}`);
  return at < 0 ? [template, ""] : [template.slice(0, at), template.slice(at + name.length + 2)];
}
