// Not a guarantee: a tool. With SCREENSHOT_DIR set it photographs the main pages at phone and desktop
// width in light and dark, so a design change can be looked at before and after (issue #16).
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { E2E_ADMIN } from "./support/admin";
import { newSignedInUser, signIn, test } from "./support/fixtures";

const dir = process.env.SCREENSHOT_DIR;
const widths = [1280, 390] as const;
const schemes = ["light", "dark"] as const;

test.skip(!dir, "set SCREENSHOT_DIR to take screenshots");

test("screenshots of the main pages", async ({ browser }) => {
  test.setTimeout(300_000);
  mkdirSync(dir!, { recursive: true });
  for (const colorScheme of schemes) {
    const anonymous = await browser.newContext({ colorScheme });
    const page = await anonymous.newPage();
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ["/login", "/register"]) {
        await page.goto(path);
        await page.screenshot({ path: `${dir}/${path.slice(1).replaceAll("/", "-")}-${width}-${colorScheme}.png`, fullPage: true });
      }
    }
    const user = await browser.newContext({ colorScheme });
    const userPage = await user.newPage();
    await newSignedInUser(userPage);
    for (const width of widths) {
      await userPage.setViewportSize({ width, height: 900 });
      for (const path of ["/account", "/account/activity"]) {
        await userPage.goto(path);
        await userPage.screenshot({ path: `${dir}/${path.slice(1).replaceAll("/", "-")}-${width}-${colorScheme}.png`, fullPage: true });
      }
    }
    const admin = await browser.newContext({ colorScheme });
    const adminPage = await admin.newPage();
    await adminPage.goto("/login?next=/admin/users");
    await signIn(adminPage, E2E_ADMIN.email, E2E_ADMIN.password);
    await adminPage.waitForURL((url) => url.pathname === "/admin/users");
    for (const width of widths) {
      await adminPage.setViewportSize({ width, height: 900 });
      await adminPage.goto("/admin/users");
      await adminPage.screenshot({ path: `${dir}/admin-users-${width}-${colorScheme}.png`, fullPage: true });
    }
    await Promise.all([anonymous.close(), user.close(), admin.close()]);
  }
});

/** scripts/bench.ts's firstLoadJs: every non-nomodule script of a page, gzipped. */
test("first-load JS of /login against the framework floor", async ({ request }) => {
  const measure = async (path: string): Promise<number> => {
    const html = await (await request.get(path)).text();
    const srcs = new Set(
      [...html.matchAll(/<script([^>]*)>/g)]
        .filter((m) => !/nomodule/i.test(m[1]!))
        .map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])
        .filter((src): src is string => Boolean(src)),
    );
    let bytes = 0;
    for (const src of srcs) bytes += gzipSync(await (await request.get(src)).body()).length;
    return bytes;
  };
  const login = await measure("/login");
  const floor = await measure("/no-such-page-bench");
  writeFileSync(`${dir}/first-load-js.json`, `${JSON.stringify({ login, floor, used: login - floor, budget: 20_000 }, null, 2)}\n`);
});
