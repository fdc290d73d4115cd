// Guarantee (issue #19, decision 068): a page's document does not carry its chrome twice over.
// Next writes each segment's not-found and forbidden pages into every page's RSC payload; when they
// drew the whole header, /account's document held it five times (61.5 kB). Each layout now has
// boundaries of only their words, and the header is a client component whose markup is in the HTML
// once and whose payload is its props, and the status boxes are client components whose copies are
// their words (decision 075: /account 39.5 → 35.2 kB). The budgets leave ~10% for the page to grow.
import { expect, newSignedInUser, test } from "./support/fixtures";

const occurrences = (text: string, word: string): number => text.split(word).length - 1;

test("/account's document holds the header's words twice at most (HTML + props) and stays under 39 kB", async ({ page }) => {
  await newSignedInUser(page);
  const html = await (await page.request.get("/account")).text();
  expect(occurrences(html, "Skip to content")).toBeLessThanOrEqual(2);
  expect(occurrences(html, "Page not found")).toBeLessThanOrEqual(2);
  expect(Buffer.byteLength(html)).toBeLessThan(39_000);
});

test("the prerendered /login's document stays under 29.5 kB", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const response = await anonymous.get("/login");
  expect(response.headers()["x-nextjs-cache"]).toBe("HIT");
  const html = await response.text();
  expect(occurrences(html, "Skip to content")).toBeLessThanOrEqual(2);
  expect(Buffer.byteLength(html)).toBeLessThan(29_500);
  await anonymous.dispose();
});

// The sign-in form loads zod only once it is used (use-login-submit.ts). A module every page draws
// in the browser (the status view, decision 075) once brought zod into every page's scripts
// through an import of lib/view/theme.ts: 10.6 kB gzipped before anyone typed.
test("the prerendered /login's scripts carry no zod until the form is used", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const html = await (await anonymous.get("/login")).text();
  const scripts = [...new Set(html.match(/\/_next\/static\/chunks\/[^"]+\.js/g) ?? [])];
  expect(scripts.length).toBeGreaterThan(3);
  for (const src of scripts) {
    const body = await (await anonymous.get(src)).text();
    // zod names each of its classes in a string ($constructor("ZodEnum", …)), which minifying keeps.
    expect(body.match(/["']Zod[A-Z][A-Za-z]*["']/)?.[0] ?? null, src).toBeNull();
  }
  await anonymous.dispose();
});
