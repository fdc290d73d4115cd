// Threat: the layering of docs/architecture.md rots one "just this once" import at a time until the
// core is a tangle again. The lint rule must reject an upward import, and the cycle check
// (scripts/check-import-cycles.mjs, run by `npm test` beside the lint) a cycle, both planted here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { importCycles } from "../../scripts/check-import-cycles.mjs";

const ROOT = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });
const planted: string[] = [];

/** Writes a module into a fresh folder inside `layerDir` (removed after the run) and lints it from disk. */
async function ruleIds(layerDir: string, source: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(ROOT, layerDir, "planted-"));
  planted.push(dir);
  const file = path.join(dir, "planted.ts");
  writeFileSync(file, source);
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

afterAll(() => {
  for (const dir of planted) rmSync(dir, { recursive: true, force: true });
});

describe("imports only go down the layers, never in a circle", () => {
  it("rejects core importing a flow, and a lib module importing a component", async () => {
    expect(await ruleIds("lib/security/core", 'export { signInWith } from "../../sign-in/first-factor";\n')).toContain("import/no-restricted-paths");
    expect(await ruleIds("lib/security/accounts", 'export { signInWith } from "@/lib/security/sign-in/first-factor";\n')).toContain(
      "import/no-restricted-paths",
    );
    expect(await ruleIds("lib/view", 'export { Button } from "@/components/ui/button";\n')).toContain("import/no-restricted-paths");
  }, 60_000);

  it("accepts a flow importing a factor and the core (downward)", async () => {
    const ids = await ruleIds(
      "lib/security/sign-in",
      'export { hashToken } from "../../core/crypto";\nexport { getTwoFactor } from "../../codes/two-factor";\n',
    );
    expect(ids.filter((id) => id.startsWith("import/"))).toEqual([]);
  }, 60_000);

  it("the application's modules have no import cycle", () => {
    expect(importCycles(ROOT)).toEqual([]);
  });

  it("finds a cycle between two modules of one layer, through relative and @/ imports, not through type-only ones", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "gatehouse-cycles-"));
    planted.push(root);
    const write = (file: string, source: string): void => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), source);
    };
    write("lib/core/a.ts", 'import { b } from "./b";\nexport const a = (): number => b() + 1;\n');
    write("lib/core/b.ts", 'import {\n  a,\n} from "@/lib/core/a";\nexport const b = (): number => a() - 1;\n');
    write("lib/core/c.ts", 'import type { D } from "./d";\nexport type C = D;\n');
    write("lib/core/d.ts", 'import { type C } from "./c";\nexport type D = C | null;\n');
    write("lib/core/e/index.ts", 'export { f } from "../f";\n');
    write("lib/core/f.ts", 'export const f = async (): Promise<unknown> => import("./e");\n');
    expect(importCycles(root)).toEqual([
      ["lib/core/a.ts", "lib/core/b.ts"],
      ["lib/core/e/index.ts", "lib/core/f.ts"],
    ]);
  });
});
