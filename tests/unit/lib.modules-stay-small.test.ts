// Threat: a module grows back into a file nobody can hold in their head (the core was split by
// concept so a reader opens one small file per idea). No file in lib/ may pass 250 lines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const LIB = path.resolve(__dirname, "../../lib");
const LIMIT = 250;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    // The layers test plants (and removes) folders named planted-* while other files run.
    if (entry.startsWith("planted-")) return [];
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

it(`every module in lib/ has at most ${LIMIT} lines`, () => {
  const files = sources(LIB);
  expect(files.length).toBeGreaterThan(50);
  const long = files
    .map((file) => ({ file: path.relative(LIB, file), lines: readFileSync(file, "utf8").split("\n").length - 1 }))
    .filter((f) => f.lines > LIMIT);
  expect(long).toEqual([]);
});
