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
  await page.emulateMedia({ colorScheme: scheme });
  // Switching the scheme starts the colour transitions of the elements that have one (buttons,
  // inputs): read mid-way, a colour is neither scheme's, and contrast fails at random. Wait for them
  // (CSS transitions only: an animation such as a spinner never finishes).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // Not one that is not rendered (a closed <details>' content): it never runs, so never finishes, and axe skips it.
        .filter((a) => a instanceof CSSTransition && (!(a.effect instanceof KeyframeEffect) || !a.effect.target || a.effect.target.checkVisibility()))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await axe.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()} [${scheme}] ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * axe for this page. By default each analyze() opens a blank page to merge its frames' results
 * (the way it reaches cross-origin frames): 4.4–9.0 s a run on a loaded two-core machine, where
 * legacy mode, which merges them in the page, took 1.4–2.0 s with the same results. A page with no
 * child frame has nothing to merge; one with a frame (the dev mailbox's sandboxed message, an
 * opaque origin legacy mode would skip) keeps the default, so every frame is still checked.
 */
function axeFor(page: Page): AxeBuilder {
  const builder = new AxeBuilder({ page });
  return page.frames().length > 1 ? builder : builder.setLegacyMode(true);
}

/** The page as it is now passes axe (WCAG 2.1 A/AA) with no serious or critical violation, light and dark. */
export async function expectAccessibleHere(page: Page): Promise<void> {
  await expectNoSeriousViolation(page, "light", axeFor(page).withTags(WCAG_21_AA));
  await expectNoSeriousViolation(page, "dark", axeFor(page).withRules(COLOUR_RULES));
  await page.emulateMedia({ colorScheme: null });
}

/** Opens `path` and checks it as expectAccessibleHere does. */
export async function expectAccessibleAt(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessibleHere(page);
}
