import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/**
 * The rules whose answer depends on colour, so on the colour scheme. Every other rule reads the
 * DOM, names and roles, which the scheme does not change (the pages switch by a CSS media query
 * alone, app/globals.css): the dark pass runs only these, not the whole set a second time.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function expectNoSeriousViolation(page: Page, scheme: "light" | "dark", axe: AxeBuilder): Promise<void> {
  // Reduced motion makes the colour change instant (globals.css), so no rule reads a colour mid-transition.
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
  const results = await axe.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()} [${scheme}] ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The page as it is now passes axe (WCAG 2.1 A/AA) with no serious or critical violation, light and dark. */
export async function expectAccessibleHere(page: Page): Promise<void> {
  await expectNoSeriousViolation(page, "light", new AxeBuilder({ page }).withTags(WCAG_21_AA));
  await expectNoSeriousViolation(page, "dark", new AxeBuilder({ page }).withRules(COLOUR_RULES));
  await page.emulateMedia({ colorScheme: null, reducedMotion: null });
}

/** Opens `path` and checks it as expectAccessibleHere does. */
export async function expectAccessibleAt(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessibleHere(page);
}
