import type { Page } from "@playwright/test";
import ar from "../../messages/ar.json";
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import { expect } from "./fixtures";

type Catalogue = typeof en;
const CATALOGUES = { en, de, fr, es, ar } as const;
export type Language = keyof typeof CATALOGUES;

/**
 * A message of a catalogue by its "namespace.key" path, with `{name}` arguments filled: specs find
 * controls by the words a person reads in that language, so a page still in English fails.
 */
export function say(language: Language, path: string, values: Record<string, string> = {}): string {
  const found = path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGUES[language] as Catalogue);
  if (typeof found !== "string") throw new Error(`no message ${path} in ${language}`);
  return found.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export async function expectDocument(page: Page, lang: string, dir: "ltr" | "rtl"): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
}

/** The top-level namespaces: a "namespace.something" token in a page's text is a key shown raw. */
const RAW_KEY = new RegExp(`\\b(?:${Object.keys(en).join("|")})\\.[A-Za-z_]+`);

export async function expectNoRawKey(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  expect(text.match(RAW_KEY)?.[0] ?? null, `a catalogue key on ${page.url()}`).toBeNull();
}
