/**
 * How many of the repository's own files a flow touches: the transitive imports of its entry
 * files (route handlers, actions, pages), counted once each (issue #11's "files a reader opens").
 *   npx tsx scripts/flow-files.ts [--hops N] "app/(auth)/login/session/route.ts" "app/(auth)/login/two-factor/actions.ts"
 * With --hops, only files within N imports of an entry count (the entries are hop 0).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)])
    if (existsSync(candidate) && !candidate.endsWith("/")) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        /* a folder */
      }
    }
  return null;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\s+["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]!);
  return found.map((s) => resolveImport(file, s)).filter((f): f is string => Boolean(f));
}

const args = process.argv.slice(2);
const hopsAt = args.indexOf("--hops");
const maxHops = hopsAt >= 0 ? Number(args.splice(hopsAt, 2)[1]) : Infinity;
// Breadth first, so each file is counted at its shortest distance from an entry.
const seen = new Map<string, number>();
let frontier = args.map((f) => path.resolve(ROOT, f));
for (let hop = 0; frontier.length && hop <= maxHops; hop++) {
  const next: string[] = [];
  for (const file of frontier) {
    if (seen.has(file)) continue;
    seen.set(file, hop);
    next.push(...importsOf(file));
  }
  frontier = next;
}
const files = [...seen.keys()].map((f) => path.relative(ROOT, f)).sort();
const inCore = files.filter((f) => f.startsWith("lib/security/"));
console.log(files.join("\n"));
console.log(`\n${files.length} files (${inCore.length} in lib/security/)`);
