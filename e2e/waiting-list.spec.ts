import { expect, test } from "./support/fixtures";
import { setCapacity } from "./support/db";
import { waitForMessage } from "./support/mailbox";
import { acceptTerms, fillWalker, testEmail } from "./support/register-form";

// Runs in its own Playwright project after the registration spec; it changes the walk's capacity.

test.afterAll(async () => {
  await setCapacity(800);
});

test("a group that does not fit is offered the waiting list, all together", async ({ page }) => {
  const { confirmedCount } = await setCapacity("taken");
  await setCapacity(confirmedCount + 1);
  await page.goto("/register?walkers=2");
  await fillWalker(page, 0, { firstName: "Olga", lastName: "Offer", email: testEmail("olga"), ageBand: "AGE_18_34" });
  await fillWalker(page, 1, { firstName: "Omar", lastName: "Offer", ageBand: "AGE_18_34" });
  await acceptTerms(page);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByText(/Only one place is left, not enough for your 2 walkers\. We never split a group/)).toBeVisible();
  // Nothing was saved yet, and what was typed is still there.
  await expect(page.getByRole("group", { name: "Walker 2", exact: true }).getByLabel("First name", { exact: true })).toHaveValue("Omar");
  await page.getByRole("button", { name: "Join the waiting list together" }).click();
  await expect(page.getByTestId("walker-status")).toHaveText(["Waiting list: number 1", "Waiting list: number 2"]);

  // Leaving the waiting list frees no place and leaves the walk as it was.
  await page.getByRole("link", { name: "Cancel the whole registration" }).click();
  await page.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(page.getByTestId("walker-status")).toHaveText(["Cancelled", "Cancelled"]);
});

test("a full walk puts a walker on the waiting list, and a cancellation promotes them with an email", async ({ page, browser }) => {
  // One walker holds a place, then the walk is made full.
  const holderEmail = testEmail("holder");
  await page.goto("/register");
  await fillWalker(page, 0, { firstName: "Holder", lastName: "Place", email: holderEmail, ageBand: "AGE_18_34" });
  await acceptTerms(page);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByTestId("walker-status")).toHaveText("Confirmed");
  const holderManage = page.url().replace(/\?.*$/, "");
  await setCapacity("taken");

  const other = await (await browser.newContext()).newPage();
  const waiterEmail = testEmail("waiter");
  await other.goto("/");
  // The walk's page is rendered once for everyone and follows the database within 10 seconds: a
  // visitor who reloads sees the walk full by then.
  await expect(async () => {
    await other.reload();
    await expect(other.getByText(/The walk is full/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 12_000 });
  await other.getByRole("link", { name: "Join the waiting list" }).click();
  await expect(other.getByText(/your group joins the waiting list together/)).toBeVisible();
  await fillWalker(other, 0, { firstName: "Wanda", lastName: "Waiting", email: waiterEmail, ageBand: "AGE_35_54" });
  await acceptTerms(other);
  await other.getByRole("button", { name: "Join the waiting list" }).click();
  await expect(other.getByText("You are on the waiting list.")).toBeVisible();
  await expect(other.getByTestId("walker-status")).toHaveText("Waiting list: number 1");
  await expect(other.getByTestId("ticket-code")).toHaveCount(0);

  // A group that does not fit is offered the waiting list, all together.
  const group = await (await browser.newContext()).newPage();
  await setCapacity("taken");
  await group.goto("/");
  await group.goto("/register?walkers=2");
  await fillWalker(group, 0, { firstName: "Gina", lastName: "Group", email: testEmail("gina"), ageBand: "AGE_18_34" });
  await fillWalker(group, 1, { firstName: "Gino", lastName: "Group", ageBand: "AGE_18_34" });
  await acceptTerms(group);
  await group.getByRole("button", { name: /Join the waiting list|Register/ }).last().click();
  await expect(group.getByTestId("walker-status")).toHaveText(["Waiting list: number 2", "Waiting list: number 3"]);

  await page.goto(holderManage);
  await page.getByRole("link", { name: "Cancel the whole registration" }).click();
  await page.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(page.getByTestId("walker-status")).toHaveText("Cancelled");

  await other.reload();
  await expect(other.getByTestId("walker-status")).toHaveText("Confirmed");
  await expect(other.getByTestId("ticket-code")).toHaveText(/^[0-9A-Z]{10}$/);
  await group.reload();
  await expect(group.getByTestId("walker-status")).toHaveText(["Waiting list: number 1", "Waiting list: number 2"]);

  await waitForMessage({ to: waiterEmail, subject: /^You are on the waiting list/ });
  const promoted = await waitForMessage({ to: waiterEmail, subject: /^A place freed up/ });
  expect(promoted.attachments.some((a) => a.contentType === "image/png")).toBe(true);

  // The group leaves the waiting list, so the walk is left with nobody waiting for the specs after this one
  // (while anyone waits, every new walker queues behind them).
  await group.getByRole("link", { name: "Cancel the whole registration" }).click();
  await group.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(group.getByTestId("walker-status")).toHaveText(["Cancelled", "Cancelled"]);
});
