#!/usr/bin/env node
// No import cycle in the application's modules (app, components, lib, emails, proxy.ts): a cycle is
// how the layers of docs/architecture.md rot from inside one layer, where the lint rule
// import/no-restricted-paths does not look. eslint-plugin-import's no-cycle did this check, and was
// two thirds of the lint step's time (it parses every module again to map the graph); this reads
// the import lines of ~600 files and runs Tarjan's algorithm in well under a second.
//
// `node scripts/check-import-cycles.mjs [root]`: exit code 1 and one line per cycle when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCES = ["app", "components", "lib", "emails", "proxy.ts"];
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];
// A static import or re-export (its clause has no semicolon), a side-effect import, a dynamic import().
const STATIC = /(?:^|\n)\s*(import|export)\s+([^;'"]*?)\s*from\s*["']([^"']+)["']/g;
const BARE = /(?:^|\n)\s*import\s*["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The modules under root's source folders, as paths relative to root. */
function sourceFiles(root) {
  const files = [];
  const walk = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full)) if (entry !== "node_modules") walk(path.join(relative, entry));
    } else if (EXTENSIONS.some((ext) => relative.endsWith(ext)) && !relative.endsWith(".d.ts")) {
      files.push(relative);
    }
  };
  for (const source of SOURCES) walk(source);
  return files;
}

/** Type-only imports are erased at build time: `import type …`, or a brace list of `type X` names only. */
function typeOnly(clause) {
  if (/^type\b/.test(clause)) return true;
  const names = /^\{([^}]*)\}$/.exec(clause)?.[1];
  return names !== undefined && names.trim() !== "" && names.split(",").every((name) => name.trim() === "" || /^type\b/.test(name.trim()));
}

/** The specifiers a module imports at run time. */
function runtimeSpecifiers(source) {
  const specifiers = [];
  for (const [, , clause, specifier] of source.matchAll(STATIC)) if (!typeOnly(clause.trim())) specifiers.push(specifier);
  for (const [, specifier] of source.matchAll(BARE)) specifiers.push(specifier);
  for (const [, specifier] of source.matchAll(DYNAMIC)) specifiers.push(specifier);
  return specifiers;
}

/** The module file a specifier names (relative to root), or null for a package. */
function resolve(known, root, from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.join(path.dirname(from), specifier);
  else return null;
  base = path.normalize(base);
  for (const candidate of [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** Each application module with what it imports at run time: the modules (relative to root) and the packages. */
export function importGraph(root) {
  const files = sourceFiles(root);
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const specifiers = runtimeSpecifiers(readFileSync(path.join(root, file), "utf8"));
      const modules = specifiers.map((specifier) => resolve(known, root, file, specifier)).filter((target) => target !== null);
      const packages = specifiers.filter((specifier) => !specifier.startsWith("@/") && !specifier.startsWith("."));
      return [file, { modules: [...new Set(modules)], packages: [...new Set(packages)] }];
    }),
  );
}

/** Each cycle as the modules on it (one strongly connected component of the import graph, or a module importing itself). */
export function importCycles(root) {
  const graph = importGraph(root);
  const files = [...graph.keys()];
  const edges = new Map([...graph].map(([file, { modules }]) => [file, modules]));
  // Tarjan's strongly connected components, iterative (a deep import chain must not overflow the stack).
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const cycles = [];
  let next = 0;
  for (const start of files) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const targets = edges.get(node);
      if (i < targets.length) {
        frame[1] = i + 1;
        const target = targets[i];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || targets.includes(node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? ".");
  const cycles = importCycles(root);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.join(" ⇄ ")}`);
  if (cycles.length) process.exit(1);
  console.log("no import cycle");
}
