// Guarantee: /admin is gated by the admin role — a signed-in user without it gets a real 403 page,
// an anonymous visitor is sent to sign in, and an admin sees the paginated user list.
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

test("an admin sees the user list, paginated", async ({ page }) => {
  await page.goto("/login?next=/admin/users");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByTestId("users-table")).toContainText(E2E_ADMIN.email);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1 of");
  const response = await page.goto("/admin/users?page=99999999999");
  expect(response?.status()).toBe(200);
  const junk = await page.goto("/admin/users?page=%00abc");
  expect(junk?.status()).toBe(200);
});
