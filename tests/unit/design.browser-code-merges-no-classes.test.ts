// Threat: a component that ships to the browser reaches cn(), and tailwind-merge (~7 kB gzipped,
// ~10 kB as measured when the header became a client component) lands in every page's first load,
// /login's included, past its budget (DESIGN.md principle 12; decision 059). Browser code joins
// classes with clsx instead.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { importGraph } from "../../scripts/check-import-cycles.mjs";

const ROOT = path.resolve(__dirname, "../..");

it("nothing a 'use client' module imports, directly or through others, imports tailwind-merge", () => {
  const graph = importGraph(ROOT);
  const clientEntries = [...graph.keys()].filter((file) => /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8")));
  expect(clientEntries.length).toBeGreaterThan(10);
  const offenders: string[] = [];
  for (const entry of clientEntries) {
    const seen = new Set([entry]);
    const queue = [[entry]];
    while (queue.length) {
      const trail = queue.shift()!;
      const node = graph.get(trail.at(-1)!)!;
      if (node.packages.includes("tailwind-merge")) offenders.push(trail.join(" → "));
      for (const next of node.modules) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push([...trail, next]);
      }
    }
  }
  expect(offenders).toEqual([]);
});
