// A new organiser's first minutes: the one-time password, and every redirect the dashboard's guard
// makes after a server action or a client-side navigation, without a request loop.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { watchNetwork } from "./support/network";
import { createOrganiser, e2eDb } from "./support/organiser";

async function signInWith(page: Page, account: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * RSC requests sent in five seconds while the page is left alone, after `settleMs`: a page's links
 * prefetch their pages once when they appear (and again once after a redirect changes the router's
 * state); a loop goes on (it sent about 30 a second).
 */
async function rscRequestsWhileIdle(page: Page, watch: ReturnType<typeof watchNetwork>, settleMs = 0): Promise<string[]> {
  await page.waitForTimeout(settleMs);
  const before = watch.rscRequests().length;
  await page.waitForTimeout(5_000);
  return watch.rscRequests().slice(before);
}

test("a first sign-in with a one-time password shows the password form at once, with no request loop", async ({ page }) => {
  const account = await createOrganiser("ORGANISER", { oneTimePassword: true });
  const watch = watchNetwork(page);
  await signInWith(page, account);
  // The first screen is the form, within 5 s of the click.
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible({ timeout: 5_000 });
  await expect(page).toHaveURL(/\/dashboard\/password$/);
  await expect(page.getByLabel("Current (or one-time) password")).toBeVisible();
  // No navigation to offer until the password is chosen; signing out is.
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect((await rscRequestsWhileIdle(page, watch)).length).toBeLessThan(5);
  expect(watch.consoleErrors()).toEqual([]);

  await page.getByLabel("Current (or one-time) password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill("queens-park-savannah");
  await page.getByLabel("New password again").fill("queens-park-savannah");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeVisible();
  // The overview refreshes itself every 5 s (one request in five seconds).
  expect((await rscRequestsWhileIdle(page, watch, 3_000)).length).toBeLessThan(5);
});

test("a one-time password set while the dashboard is open leads to the password form on the next click, once", async ({ page }) => {
  const account = await createOrganiser();
  const watch = watchNetwork(page);
  await signInWith(page, account);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await e2eDb().user.update({ where: { email: account.email }, data: { mustChangePassword: true } });
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Walkers" }).click();
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  expect((await rscRequestsWhileIdle(page, watch, 2_000)).length).toBeLessThan(5);
});

test("an organiser whose session ended is sent to the sign-in page on the next click, once", async ({ page, context }) => {
  const account = await createOrganiser();
  const watch = watchNetwork(page);
  await signInWith(page, account);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await context.clearCookies();
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Walkers" }).click();
  await expect(page.getByRole("heading", { name: "Organiser sign-in" })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  expect((await rscRequestsWhileIdle(page, watch, 2_000)).length).toBeLessThan(5);
});

test("the organisers' booth map speaks to organisers, the public one to partners", async ({ page }) => {
  await page.goto("/booths");
  await expect(page.getByText("choose an available booth to request it")).toBeVisible();
  await signInWith(page, await createOrganiser());
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Booths" }).click();
  await expect(page.getByRole("heading", { name: "Site map" })).toBeVisible();
  await expect(page.getByText("The map shows every booth's state.")).toBeVisible();
  await expect(page.getByText("choose an available booth to request it")).toHaveCount(0);
  // An available booth is no link to the partners' booking form here.
  await expect(page.locator('[data-testid="booth-map"] a[href^="/partner/book"]')).toHaveCount(0);
});
