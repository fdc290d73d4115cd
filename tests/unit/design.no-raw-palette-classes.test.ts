// Threat: a page paints with a raw palette color (`text-zinc-600`, `bg-red-50`, `bg-white`, `[#…]`)
// that a product's theme cannot reach, and it drifts from the tokens (or stays light in dark mode).
// app/ and components/ use only the semantic colors defined once in app/globals.css.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const PALETTES = "slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|brand";
const UTILITIES =
  "bg|text|border(?:-[xytrbles])?|ring(?:-offset)?|outline|divide|fill|stroke|from|via|to|accent|caret|decoration|placeholder|shadow|inset-shadow";
/** A utility naming a palette step (`dark:hover:bg-zinc-800/60`), white or black, or an arbitrary color. */
const RAW_COLOR = new RegExp(`(?<![\\w-])(?:${UTILITIES})-(?:(?:${PALETTES})-\\d{2,3}|white|black|\\[(?:#|rgb|hsl|oklch))`, "g");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(tsx?|css)$/.test(entry) ? [full] : [];
  });
}

it("no file in app/ or components/ uses a raw palette color class", () => {
  const files = [...sources(path.join(ROOT, "app")), ...sources(path.join(ROOT, "components"))];
  expect(files.length).toBeGreaterThan(100);
  const found = files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => [...line.matchAll(RAW_COLOR)].map((m) => `${path.relative(ROOT, file)}:${i + 1} ${m[0]}`)),
  );
  expect(found).toEqual([]);
});

it("the pattern catches what it is meant to, and lets the tokens through", () => {
  const hits = (s: string): string[] => [...s.matchAll(RAW_COLOR)].map((m) => m[0]);
  expect(hits("dark:hover:bg-zinc-800/60 text-red-700 ring-brand-600/25 bg-white border-x-amber-200 bg-[#fff]")).toEqual([
    "bg-zinc-800",
    "text-red-700",
    "ring-brand-600",
    "bg-white",
    "border-x-amber-200",
    "bg-[#",
  ]);
  expect(hits("bg-surface text-muted border-border ring-danger/50 bg-primary-soft text-danger-text")).toEqual([]);
});
