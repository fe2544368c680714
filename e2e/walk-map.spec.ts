import { BOOTH_AREA } from "../lib/booths/area";
import { e2e } from "./support/env";
import { expect, test } from "./support/fixtures";
import { runWithLib } from "./support/lib";
import { waitForMessage } from "./support/mailbox";
import { createOrganiser, openPublishedWalk, signInAsOrganiser } from "./support/organiser";

test("an organiser moves a booked booth on the booth map: the partner is emailed, the public map follows, and it cannot be deleted", async ({ page, browser }) => {
  // A partner's request holds booth A7 of the published walk (as e2e/booths.spec.ts makes one).
  const partnerEmail = `map-partner-${e2e.runId}-${Date.now()}@example.org`.toLowerCase();
  await runWithLib(`
    const { db } = await import("./lib/db.ts");
    const { saveOrganisationProfile, requestBooking } = await import("./lib/booths/mutations.ts");
    const user = await db.user.create({ data: { email: ${JSON.stringify(partnerEmail)}, role: "PARTNER" } });
    await saveOrganisationProfile(user.id, { name: "Map partner org", category: "CIVIL_SOCIETY", contactName: "P", phone: null, website: null, description: null, listPublicly: false }, "EN");
    const booth = await db.booth.findFirstOrThrow({ where: { code: "A7", event: { status: "PUBLISHED" } } });
    await requestBooking(user.id, { boothId: booth.id, addons: [] });
    await db.$disconnect();
  `);

  const organiser = await createOrganiser();
  await signInAsOrganiser(page, organiser);
  await openPublishedWalk(page);
  await page.getByRole("navigation", { name: "Sections of this walk" }).getByRole("link", { name: "Booth map" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Booth map" })).toBeVisible();

  // The keyboard's way to a booth: its button in the list.
  await page.getByRole("button", { name: "Edit booth A7" }).click();
  const form = page.getByRole("region", { name: "Booth A7" });
  await expect(form.getByText("Booth A7 has a pending booking by Map partner org.")).toBeVisible();
  const y = form.getByLabel("Down: y (m from the top)");
  await expect(y).toHaveValue("2");

  // Dragging the booth on the map fills in the numbers, a whole metre at a time.
  const shape = page.getByTestId("booth-map-editor").locator('[data-code="A7"] rect');
  await shape.scrollIntoViewIfNeeded();
  const box = (await shape.boundingBox())!;
  const metre = (await page.getByTestId("booth-map-editor").boundingBox())!.width / BOOTH_AREA.width;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 4.2 * metre, { steps: 5 });
  await page.mouse.up();
  await expect(y).toHaveValue("6");

  // The numbers are what is saved: the booth goes below the second row.
  await form.getByLabel("Across: x (m from the left)").fill("32");
  await y.fill("16");
  await form.getByRole("button", { name: "Save booth" }).click();
  await expect(page.getByRole("status")).toHaveText("Booth A7 is saved. Its partner has been emailed the new place.");

  const email = await waitForMessage({ to: partnerEmail, subject: "Your booth A7 was moved" });
  expect(email.text.replace(/\s+/g, " ")).toContain("Booth A7 is now 32 m from the left and 16 m from the top of the site map, 3 m wide and 3 m deep.");

  // Everyone's booth map shows it there at once.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/booths");
  const onMap = visitor.getByRole("group", { name: "Site map of the booth area" }).getByRole("link", { name: /^Booth A7, / }).locator("rect");
  await expect(onMap).toHaveAttribute("y", "16");
  await expect(onMap).toHaveAttribute("x", "32");

  // A booth with a live booking cannot be deleted.
  await form.getByRole("button", { name: "Delete booth A7" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Booth A7 has a pending or approved booking, so it cannot be deleted. Cancel, reject or move the booking first.",
  );
  await expect(page.getByRole("button", { name: "Edit booth A7" })).toBeVisible();
});
