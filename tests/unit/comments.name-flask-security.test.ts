// Guarantee: a comment that means Flask-Security says so by name (the team's standard). "The
// reference" means nothing to someone who cloned Gatehouse and never saw the brief it was built from.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCES = ["lib", "app", "components", "emails", "scripts", "server", "proxy.ts"];

function sources(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full).isDirectory()) return /\.(tsx?|mjs)$/.test(entry) ? [entry] : [];
  return readdirSync(full).flatMap((name) => sources(path.join(entry, name)));
}

it("no source file calls Flask-Security 'the reference'", () => {
  const offenders = SOURCES.flatMap(sources).flatMap((file) =>
    readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .flatMap((line, i) => (/\b[Tt]he reference\b/.test(line) ? [`${file}:${i + 1}`] : [])),
  );
  expect(offenders).toEqual([]);
});
