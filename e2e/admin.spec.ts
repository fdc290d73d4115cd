// Guarantee: /admin is gated by the admin role — a signed-in user without it gets a real 403 page,
// an anonymous visitor is sent to sign in, and an admin sees the user list, pages it and searches it;
// an edited page link or search is answered, never a 500.
import { E2E_ADMIN } from "./support/admin";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";

test("a user without the admin role gets 403", async ({ page }) => {
  await newSignedInUser(page);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("anonymous visitors are sent to sign in", async ({ page }) => {
  await page.goto("/admin/users?page=2");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers%3Fpage%3D2/);
});

test("an admin sees the user list, paginated by cursor; a bad page link or page number is the first page, never an error", async ({ page }) => {
  await page.goto("/login?next=/admin/users");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByTestId("users-table")).toContainText(E2E_ADMIN.email);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText(/\d+ accounts?/);
  // The first page has no previous page.
  await expect(pagination.getByText("Previous")).toHaveAttribute("aria-disabled", "true");
  for (const junk of ["page=99999999999", "page=%00abc", "cursor=bm90LWEtY3Vyc29y", "cursor=%00%ff", `cursor=${"A".repeat(5000)}`]) {
    const response = await page.goto(`/admin/users?${junk}`);
    expect(response?.status(), junk).toBe(200);
    await expect(page.getByTestId("users-table")).toBeVisible();
  }
  await page.goto("/admin/users?cursor=bm90LWEtY3Vyc29y");
  await expect(page.getByTestId("cursor-refused")).toBeVisible();
});

test("an admin finds a user by a prefix of their email, in any case", async ({ page, browser }) => {
  const other = await browser.newContext();
  const { email } = await newSignedInUser(await other.newPage());
  await other.close();
  await page.goto("/login?next=/admin/users");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  const search = page.getByRole("search");
  await search.getByLabel("Starts with").fill(email.slice(0, 14).toUpperCase());
  await search.getByLabel("In").selectOption("email");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByTestId("users-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("users-table")).toContainText(email);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1 match");
  // LIKE's wildcards are plain characters: "%" matches no address.
  await page.goto("/admin/users?q=%25&by=email");
  await expect(page.getByText("No users match.")).toBeVisible();
  const odd = await page.goto("/admin/users?q=%00%27&by=nonsense");
  expect(odd?.status()).toBe(200);
});
