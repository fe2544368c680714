// Next year's walk: once this year's has taken place, an organiser starts next year's from the
// dashboard, sets it up and publishes it; the home page shows the new date, and the walk before it
// stays in the editions list as a past edition with its counts. Runs last (project "walk-editions"):
// it changes the current walk itself.
import { expect, test } from "./support/fixtures";
import { withDatabase } from "./support/db";
import { createOrganiser, currentEventId, e2eDb, signInAsOrganiser } from "./support/organiser";

test("an organiser starts next year's walk, publishes it, and the walk before it stays as a past edition with its counts", async ({ page }) => {
  // A year passes: the published walk took place yesterday (dates are the one thing a test cannot wait for).
  const pastId = await currentEventId();
  await withDatabase((client) =>
    client.query(
      `UPDATE "Event" SET "startsAt" = now() - interval '30 hours', "endsAt" = now() - interval '25 hours',
              "registrationOpensAt" = now() - interval '90 days', "registrationClosesAt" = now() - interval '31 hours'
        WHERE "id" = $1::uuid`,
      [pastId],
    ),
  );
  const confirmed = await e2eDb().walker.count({ where: { eventId: pastId, status: "CONFIRMED" } });
  const pastYear = new Date(Date.now() - 30 * 3_600_000 - 4 * 3_600_000).getUTCFullYear();

  const organiser = await createOrganiser();
  await signInAsOrganiser(page, organiser);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Editions" }).click();
  await expect(page.getByRole("heading", { name: "Editions" })).toBeVisible();
  // A date in the same year is refused next to the field, and nothing is made.
  await page.getByLabel("The new walk's date").fill(`${pastYear}-12-31`);
  await page.getByRole("button", { name: "Start the draft" }).click();
  await expect(page.getByLabel("The new walk's date")).toHaveAccessibleDescription(new RegExp(`Choose a date after ${pastYear}`));

  const nextYear = pastYear + 1;
  await page.getByLabel("The new walk's date").fill(`${nextYear}-07-25`);
  await page.getByRole("button", { name: "Start the draft" }).click();
  await expect(page.getByText("A draft: only organisers see it.")).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Sections of this walk" });

  // A draft may be incomplete; publishing it is refused, naming the text missing.
  await sections.getByRole("link", { name: "Content" }).click();
  const spanishName = page.getByLabel("Name (Spanish)", { exact: true });
  const name = await spanishName.inputValue();
  await spanishName.fill("");
  await page.getByRole("button", { name: "Save the content" }).click();
  await expect(page.getByRole("status")).toHaveText("The content is saved.");
  await sections.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("button", { name: "Publish this walk" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Fill in every text" })).toContainText("Spanish name is missing.");

  await sections.getByRole("link", { name: "Content" }).click();
  await spanishName.fill(name);
  await page.getByRole("button", { name: "Save the content" }).click();
  await expect(page.getByRole("status")).toHaveText("The content is saved.");
  await sections.getByRole("link", { name: "Overview" }).click();

  await page.getByRole("button", { name: "Publish this walk" }).click();
  await expect(page.getByText("Published: this is the walk the public pages show.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish this walk" })).toHaveCount(0);

  // The home page shows the new walk's date.
  await page.goto("/");
  await expect(page.locator("time").first()).toContainText(`July 25, ${nextYear}`);

  // The walk before it is a past edition, with its counts.
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Editions" }).click();
  const pastRow = page.getByRole("row").filter({ hasText: String(pastYear) }).filter({ hasText: "Past" });
  await expect(pastRow).toBeVisible();
  await expect(pastRow.getByRole("cell").nth(3)).toHaveText(new Intl.NumberFormat("en").format(confirmed));
  await expect(page.getByRole("row").filter({ hasText: String(nextYear) }).filter({ hasText: "Published" })).toBeVisible();
});
