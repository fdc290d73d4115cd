// Threat: a product built on the starter still says "Gatehouse" somewhere a user reads it (a
// logo, a file name, a heading), whatever SECURITY_APP_NAME says. Pages and components take the
// name from getConfig().appName; the word may appear only in comments.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** The code of a file with its comments blanked (line and block; enough for this source). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

it("no page or component spells the product's name: they read SECURITY_APP_NAME", () => {
  const found = [...sources(path.join(ROOT, "app")), ...sources(path.join(ROOT, "components"))].flatMap((file) =>
    withoutComments(readFileSync(file, "utf8"))
      .split("\n")
      .flatMap((line, i) => (/gatehouse/i.test(line) ? [`${path.relative(ROOT, file)}:${i + 1} ${line.trim()}`] : [])),
  );
  expect(found).toEqual([]);
});
