// Threat: a page added without a rule, or one that guards itself differently from the route table
// (the table says /admin needs the admin role, the page forgot), so proxy.ts and the page disagree.
// Walks app/: every page has a rule, guards exactly as its rule says, and no guard takes arguments.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleFor } from "@/lib/security/core/routes";

const APP = path.resolve(__dirname, "../../app");

function filesNamed(dir: string, names: string[]): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, names);
    return names.includes(entry) ? [full] : [];
  });
}

/** The URL a file under app/ serves: route groups dropped, dynamic segments given a sample value. */
function urlOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (s.startsWith("[") ? "sample" : s));
  return `/${segments.join("/")}`;
}

/** The source without comments, so a comment that mentions a guard does not count as one. */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

function guardOf(source: string): "signed-in" | "anonymous" | "none" {
  if (/\bawait requireUser\(\)/.test(source)) return "signed-in";
  if (/\bawait requireAnonymous\(\)/.test(source)) return "anonymous";
  return "none";
}

const pages = filesNamed(APP, ["page.tsx"]);

describe("the route table is the single source of who may open what", () => {
  it("finds the pages", () => {
    expect(pages.length).toBeGreaterThan(25);
  });

  it.each(pages.map((p) => [urlOf(p), p]))("%s has a rule and guards as it says", (url, file) => {
    const rule = ruleFor(url);
    expect(rule, `${url} is missing from lib/security/core/routes.ts`).not.toBeNull();
    const guard = guardOf(code(file));
    const expected = rule!.access === "open" ? "none" : rule!.access;
    // The staging dev mailbox is open by rule and decides from its setting (requireUserUnder).
    expect(guard, `${path.relative(APP, file)} guards as "${guard}", the table says "${rule!.access}"`).toBe(expected);
  });

  // Who may open a page is the table's alone. An action may ask more than its page (requireUser(extra)
  // adds to the table's rule and can never loosen it: the console's writes need users:write).
  it("no page, layout or route handler passes its own requirements to requireUser", () => {
    const sources = filesNamed(APP, ["page.tsx", "layout.tsx", "route.ts"]);
    const offenders = sources.filter((f) => /\brequireUser\(\s*[^)\s]/.test(code(f))).map((f) => path.relative(APP, f));
    expect(offenders).toEqual([]);
  });

  it("every server action of a signed-in page checks the user itself (an action is a public endpoint)", () => {
    const missing: string[] = [];
    for (const file of filesNamed(APP, ["actions.ts"])) {
      if (ruleFor(urlOf(file))?.access !== "signed-in") continue;
      const source = code(file);
      const actions = [...source.matchAll(/export async function (\w+)[^{]*\{([\s\S]*?)\n\}/g)].map((m) => ({ name: m[1]!, body: m[2]! }));
      // requireFreshAdmin(permission): the console's writes (the admin role, a permission, freshness);
      // requireFreshUser(): the page's rule plus freshness.
      const checking = new Set(actions.filter((a) => /\bawait (requireUser\(|requireFreshUser\(\)|requireFreshAdmin\()/.test(a.body)).map((a) => a.name));
      for (const { name, body } of actions) {
        // A form's posted twin (decision 073) hands its fields to an action of the file that checks.
        const delegates = [...checking].some((checked) => new RegExp(`\\b(await|return) ${checked}\\(`).test(body));
        if (!checking.has(name) && !delegates) missing.push(`${path.relative(APP, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the rule for a path is its longest matching prefix", () => {
    expect(ruleFor("/account/security/two-step/x")?.fresh).toBe(true);
    expect(ruleFor("/account/twofactor")?.fresh).toBeUndefined();
    expect(ruleFor("/admin")?.admin).toBe(true);
    expect(ruleFor("/login/two-factor")?.access).toBe("open");
    expect(ruleFor("/login")?.access).toBe("anonymous");
  });
});
