// Threat: the layering of docs/architecture.md rots one "just this once" import at a time until the
// core is a tangle again. The lint rule must reject an upward import and a cycle, planted here.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

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

  it("rejects a cycle between two modules of one layer", async () => {
    const dir = mkdtempSync(path.join(ROOT, "lib/security/core/planted-"));
    planted.push(dir);
    writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = (): number => b() + 1;\n');
    writeFileSync(path.join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = (): number => a() - 1;\n');
    const [result] = await eslint.lintFiles([path.join(dir, "a.ts")]);
    expect((result?.messages ?? []).map((m) => m.ruleId)).toContain("import/no-cycle");
  }, 60_000);
});
