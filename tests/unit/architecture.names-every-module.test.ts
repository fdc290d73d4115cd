// Guarantee: docs/architecture.md is the map of lib/ (issue #11). A module nobody listed is one a
// new maintainer cannot find from the map, so every lib/ file must be named there, in the section of
// its folder, and no row may name a module twice.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const DOC = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");

function libFiles(dir = path.join(ROOT, "lib")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return libFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path.relative(ROOT, full)] : [];
  });
}

/**
 * Each path the module tables name, made whole: a row's cell is relative to its section's folders
 * (the backticked `lib/…/` in the heading; lib/security/ when it names none), and a bare name after
 * `dir/name.ts` in the same cell shares that dir (`passkeys/registration.ts`, `authentication.ts`).
 */
function namedModules(): { rows: string[]; named: string[] } {
  const named: string[] = [];
  const rows: string[] = [];
  let folders: string[] = [];
  for (const line of DOC.split("\n")) {
    if (line.startsWith("#")) {
      const inHeading = [...line.matchAll(/`(lib\/[^`]*\/)`/g)].map((m) => m[1]!);
      folders = inHeading.length ? inHeading : ["lib/security/"];
      continue;
    }
    if (!line.startsWith("| `")) continue;
    const cell = line.split("|")[1]!;
    rows.push(`${folders.join(",")} ${cell.trim()}`);
    let dir = "";
    for (const [, token] of cell.matchAll(/`([^`\s]+\.tsx?)`/g)) {
      const clean = token!.replace(/^\.\.\//, "");
      if (clean.includes("/")) dir = path.dirname(clean) + "/";
      const relative = clean.includes("/") ? clean : dir + clean;
      // `../plugins.ts` in the core's section is lib/security/plugins.ts.
      const bases = token!.startsWith("../") ? folders.map((f) => path.dirname(f) + "/") : folders;
      for (const base of [...bases, ...bases.map((f) => path.dirname(f) + "/")]) named.push(path.normalize(base + relative));
    }
  }
  return { rows, named };
}

describe("docs/architecture.md", () => {
  it("names every module of lib/ in its folder's section", () => {
    const named = new Set(namedModules().named);
    expect(libFiles().filter((f) => !named.has(f))).toEqual([]);
  });

  it("names no module in two rows", () => {
    const { rows } = namedModules();
    expect(rows.filter((row, i) => rows.indexOf(row) !== i)).toEqual([]);
  });
});
