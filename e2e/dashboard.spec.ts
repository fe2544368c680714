import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import QRCode from "qrcode";
import { createTestEvent, insertManyWalkers, insertWalkers } from "../test/support/walkers";
import { storeEditionSummary } from "../lib/privacy/summary";
import { expect, test } from "./support/fixtures";
import { waitForMessage } from "./support/mailbox";
import { createOrganiser, currentEventId, e2eDb } from "./support/organiser";

test.describe.configure({ mode: "serial" });

async function signIn(page: import("@playwright/test").Page, account: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("strangers are sent to the sign-in page from every dashboard route", async ({ page, request }) => {
  for (const route of ["/dashboard", "/dashboard/walkers", "/dashboard/checkin", "/dashboard/counter", "/dashboard/audit"]) {
    await page.goto(route);
    await expect(page).toHaveURL(/\/login/);
  }
  const csv = await request.get("/dashboard/walkers/export", { maxRedirects: 0 });
  expect([302, 303, 307, 401]).toContain(csv.status());
});

test("an organiser sees counts that match sign-ups, cancellations and check-ins, and exports CSV", async ({ page }) => {
  const db = e2eDb();
  const eventId = await currentEventId();
  const before = await db.walker.groupBy({ by: ["status"], where: { eventId }, _count: true });
  const count = (s: string) => before.find((b) => b.status === s)?._count ?? 0;
  const marker = randomUUID().slice(0, 8);
  const walkers = await insertWalkers(db, eventId, [
    { firstName: `Ana${marker}`, lastName: "Pérez", ageBand: "AGE_35_54", tshirtSize: "L" },
    { firstName: `Luis${marker}`, lastName: "Gómez", ageBand: "UNDER_12", guardianName: "Rosa Gómez" },
    { firstName: `Eva${marker}`, lastName: "=SUM(A1)", status: "WAITING" },
    { firstName: `Tom${marker}`, lastName: "Reyes", status: "CANCELLED" },
  ]);
  await db.checkIn.create({ data: { walkerId: walkers[0]!.id, eventId, method: "SEARCH" } });
  const checkedBefore = await db.checkIn.count({ where: { eventId } });

  await signIn(page, await createOrganiser());
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("stat-confirmed")).toHaveText(String(count("CONFIRMED") + 2));
  await expect(page.getByTestId("stat-waiting")).toHaveText(String(count("WAITING") + 1));
  await expect(page.getByTestId("stat-cancelled")).toHaveText(String(count("CANCELLED") + 1));
  await expect(page.getByTestId("stat-checked-in")).toHaveText(String(checkedBefore));

  // The overview updates by itself.
  await db.checkIn.create({ data: { walkerId: walkers[1]!.id, eventId, method: "SEARCH" } });
  await expect(page.getByTestId("stat-checked-in")).toHaveText(String(checkedBefore + 1), { timeout: 20_000 });

  await page.getByRole("link", { name: "Walkers" }).click();
  await page.getByLabel("Search by name, email or ticket code").fill(marker);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("walker-total")).toHaveText("4 walkers match");
  await page.getByLabel("Status").selectOption("CONFIRMED");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("walker-total")).toHaveText("2 walkers match");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV of these walkers" }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toMatch(/^ticket_code,first_name,last_name,email,/);
  expect(lines).toHaveLength(3);
  expect(lines.join("\n")).toContain(`Ana${marker},Pérez`);
  expect(lines.join("\n")).toContain("Rosa Gómez");
  expect(lines.join("\n")).not.toContain(`Eva${marker}`);
});

test("an organiser sees a past walk's whole edition summary once its personal data is erased", async ({ page }) => {
  const db = e2eDb();
  const name = `Walk of ${randomUUID().slice(0, 8)}`;
  // Last year's walk: 07:00 to noon in Port of Spain on 30 July 2026.
  const walk = await createTestEvent(db, { endsAt: new Date("2026-07-30T16:00:00Z"), name });
  const walkers = await insertWalkers(db, walk.id, [
    { ageBand: "AGE_35_54", tshirtSize: "L", createdAt: new Date("2026-07-20T15:00:00Z") },
    { ageBand: "UNDER_12", tshirtSize: "YOUTH_S", language: "ES", guardianName: "Rosa", createdAt: new Date("2026-07-20T16:00:00Z") },
    { ageBand: "AGE_18_34", tshirtSize: null, createdAt: new Date("2026-07-30T12:15:00Z") }, // at the gate
    { status: "WAITING", createdAt: new Date("2026-07-22T15:00:00Z") },
    { status: "CANCELLED", createdAt: new Date("2026-07-22T16:00:00Z") },
  ]);
  await db.checkIn.create({ data: { walkerId: walkers[0]!.id, eventId: walk.id, method: "QR" } });
  await db.checkIn.create({ data: { walkerId: walkers[2]!.id, eventId: walk.id, method: "SEARCH" } });
  const organisation = await db.organisation.create({ data: { name: `Org ${name}`, category: "UN_AGENCY", contactName: "Someone" } });
  const booth = await db.booth.create({ data: { eventId: walk.id, code: "Z9", size: "STANDARD", mapX: 0, mapY: 0, mapWidth: 3, mapHeight: 3 } });
  await db.boothBooking.create({ data: { boothId: booth.id, organisationId: organisation.id, status: "APPROVED" } });
  await storeEditionSummary(db, walk.id);
  await db.event.update({ where: { id: walk.id }, data: { personalDataErasedAt: new Date() } });

  await signIn(page, await createOrganiser());
  const summary = page.getByRole("region", { name: `${name}, July 30, 2026` });
  await expect(summary).toBeVisible();
  const figure = (label: string) => summary.locator("dl > div").filter({ has: page.getByText(label, { exact: true }) }).locator("dd");
  await expect(figure("Confirmed")).toHaveText("3");
  await expect(figure("Waiting")).toHaveText("1");
  await expect(figure("Cancelled")).toHaveText("1");
  await expect(figure("Checked in")).toHaveText("2");
  await expect(figure("Not checked in")).toHaveText("1");
  await expect(figure("Walk-ups")).toHaveText("1");
  const row = (table: string, label: string, count: number) =>
    expect(summary.getByRole("table", { name: table }).getByRole("row", { name: `${label} ${count}`, exact: true })).toBeVisible();
  await row("Confirmed walkers by age band", "Under 12", 1);
  await row("Confirmed walkers by age band", "35–54", 1);
  await row("T-shirt sizes to order", "No shirt", 1);
  await row("T-shirt sizes to order", "L", 1);
  await row("Preferred language", "Spanish", 1);
  await row("Preferred language", "English", 2);
  await row("Sign-ups per day", "2026-07-20", 2);
  await row("Sign-ups per day", "2026-07-22", 2);
  await row("Sign-ups per day", "2026-07-30", 1);
  await row("Booth bookings by organisation category", "UN agency", 1);
  await row("Booth bookings by organisation category", "Private sector", 0);
  // Nothing in it names anyone.
  await expect(summary).not.toContainText("Rosa");
});

test("a search with more than 1,000 matches says so instead of counting them all", async ({ page }) => {
  // Cancelled walkers: listed and searched like any other, but they take none of the walk's places.
  const marker = `Many${randomUUID().slice(0, 8)}`;
  await insertManyWalkers(e2eDb(), await currentEventId(), 1001, marker, "CANCELLED");
  await signIn(page, await createOrganiser());
  await page.getByRole("link", { name: "Walkers" }).click();
  await page.getByLabel("Search by name, email or ticket code").fill(marker.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("walker-total")).toHaveText("More than 1,000 walkers match: add to the search to narrow it");
  await expect(page.getByRole("row").filter({ hasText: marker })).toHaveCount(50);
});

test("the check-in page decodes a real ticket's QR code, checks the walker in once and flags a second scan", async ({ page }) => {
  const db = e2eDb();
  const eventId = await currentEventId();
  const [walker] = await insertWalkers(db, eventId, [
    { firstName: "Maya", lastName: `Scan${randomUUID().slice(0, 6)}`, ageBand: "AGE_12_17", tshirtSize: "YOUTH_L", guardianName: "Carla Díaz" },
  ]);
  const dir = mkdtempSync(path.join(tmpdir(), "funwalk-qr-"));
  const image = path.join(dir, "ticket.png");
  writeFileSync(image, await QRCode.toBuffer(walker!.ticketCode, { width: 320, margin: 4 }));

  await signIn(page, await createOrganiser());
  await page.getByRole("link", { name: "Check-in" }).click();
  await page.getByLabel("Or choose a photo of the ticket").setInputFiles(image);
  const result = page.getByTestId("checkin-result");
  await expect(result).toContainText(`Checked in: Maya ${walker!.lastName}`);
  await expect(result).toContainText("12–17");
  await expect(result).toContainText("Youth L");
  await expect(result).toContainText("Carla Díaz");
  expect(await db.checkIn.count({ where: { walkerId: walker!.id } })).toBe(1);

  await page.getByLabel("Or choose a photo of the ticket").setInputFiles(image);
  await expect(result).toContainText(/Already checked in at \d{1,2}:\d{2}/);
  expect(await db.checkIn.count({ where: { walkerId: walker!.id } })).toBe(1);
  expect(await db.auditLog.count({ where: { entityId: walker!.id, action: "walker.check-in" } })).toBe(1);

  // No code typed: the field says so, and the summary at the top leads to it.
  const code = page.getByLabel("Ticket code", { exact: true });
  await expect(code).toHaveValue("");
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toHaveAccessibleDescription("Enter a ticket code.");
  await page.getByRole("alert").filter({ hasText: "Check these fields:" }).getByRole("link", { name: "Ticket code" }).click();
  await expect(code).toBeFocused();

  await code.fill("NOPE-NOPE");
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(result).toContainText("No ticket with this code.");
  // What was typed stays, to be corrected.
  await expect(code).toHaveValue("NOPE-NOPE");
  await expect(code).not.toHaveAttribute("aria-invalid", "true");

  // Search by name at the desk and check in a walker with no ticket to hand.
  const [walkUp] = await insertWalkers(db, eventId, [{ firstName: "Noor", lastName: `Desk${randomUUID().slice(0, 6)}` }]);
  await page.getByLabel("Name or ticket code").fill(walkUp!.lastName);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("button", { name: `Check in now: Noor ${walkUp!.lastName}` }).click();
  await expect(page.getByText(`Checked in: Noor ${walkUp!.lastName}`)).toBeVisible();
  expect(await db.checkIn.findUnique({ where: { walkerId: walkUp!.id } })).toMatchObject({ method: "SEARCH" });

  await page.goto("/dashboard/counter");
  await expect(page.getByTestId("live-counter")).toHaveText(String(await db.checkIn.count({ where: { eventId } })));
});

test("an admin adds an organiser, who must replace the one-time password before using the dashboard", async ({ page, browser }) => {
  await signIn(page, await createOrganiser("ADMIN"));
  await page.getByRole("link", { name: "Organisers" }).click();
  const email = `nia-${randomUUID().slice(0, 8)}@example.org`;
  await page.getByRole("button", { name: "Create the account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Nia Charles");
  await page.getByRole("button", { name: "Create the account" }).click();
  const oneTime = (await page.getByRole("status").filter({ hasText: "Account created" }).locator("code").textContent())!;
  expect(oneTime).toMatch(/^[\w-]{16}$/);

  const context = await browser.newContext();
  const second = await context.newPage();
  await second.goto("/login");
  await second.getByLabel("Email").fill(email);
  await second.getByLabel("Password").fill(oneTime);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(/\/dashboard\/password$/);
  await second.goto("/dashboard/walkers");
  await expect(second).toHaveURL(/\/dashboard\/password$/);
  await second.getByLabel("Current (or one-time) password").fill(oneTime);
  await second.getByLabel("New password", { exact: true }).fill("short");
  await second.getByLabel("New password again").fill("short");
  await second.getByRole("button", { name: "Save the new password" }).click();
  await expect(second.getByText("Use at least 12 characters.")).toBeVisible();
  await second.getByLabel("Current (or one-time) password").fill(oneTime);
  await second.getByLabel("New password", { exact: true }).fill("savannah-walk-2027");
  await second.getByLabel("New password again").fill("savannah-walk-2027");
  await second.getByRole("button", { name: "Save the new password" }).click();
  await expect(second.getByRole("heading", { name: "Overview" })).toBeVisible();
  // An organiser who is not an admin has no account management.
  await expect(second.getByRole("link", { name: "Organisers" })).toHaveCount(0);
  const response = await second.goto("/dashboard/organisers");
  expect(response?.status()).toBe(403);
});

test("an organiser sends a reminder that reaches each walker in their language, and resends an email", async ({ page }) => {
  const db = e2eDb();
  const eventId = await currentEventId();
  const spanish = `rosa-${randomUUID().slice(0, 8)}@example.org`;
  await insertWalkers(db, eventId, [{ email: spanish, language: "ES", firstName: "Rosa" }]);

  await signIn(page, await createOrganiser());
  await page.getByRole("link", { name: "Emails" }).click();
  await page.getByRole("button", { name: "Send the reminder" }).click();
  await expect(page.getByText("Write a subject (at least 3 characters).").first()).toBeVisible();
  await page.getByLabel("Subject in English").fill("See you on Sunday");
  await page.getByLabel("Message in English").fill("Bring water and your ticket.");
  await page.getByLabel("Subject in Spanish").fill("Nos vemos el domingo");
  await page.getByLabel("Message in Spanish").fill("Traiga agua y su entrada.");
  await page.getByRole("button", { name: "Send the reminder" }).click();
  await expect(page.getByText("Tick the box to confirm")).toBeVisible();
  await page.getByLabel(/Yes, send it to/).check();
  await page.getByRole("button", { name: "Send the reminder" }).click();
  await expect(page.getByText(/Reminder queued for \d+ address/)).toBeVisible();

  const message = await waitForMessage({ to: spanish, subject: "Nos vemos el domingo" });
  expect(message.text).toContain("Traiga agua y su entrada.");
  expect(message.html).toContain('lang="es"');

  await page.goto(`/dashboard/emails`);
  const row = page.getByTestId("email-row").filter({ hasText: spanish }).first();
  await expect(row).toContainText("Sent", { timeout: 20_000 });
  await row.getByRole("button", { name: `Resend: ${spanish}` }).click();
  await expect(page.getByText("Queued again.")).toBeVisible();
  await expect.poll(async () => (await db.emailOutbox.count({ where: { toAddress: spanish, template: "reminder" } }))).toBe(2);
});

test("an organiser edits, resends and cancels a walker from the detail page, and the audit log shows it", async ({ page }) => {
  const db = e2eDb();
  const eventId = await currentEventId();
  const email = `desk-${randomUUID().slice(0, 8)}@example.org`;
  const [walker] = await insertWalkers(db, eventId, [{ firstName: "Keisha", lastName: "Mohammed", email }]);

  await signIn(page, await createOrganiser());
  await page.goto(`/dashboard/walkers/${walker!.id}`);
  await page.getByRole("link", { name: "Edit details" }).click();
  // A required field left empty: a sentence under it, a link to it at the top, and nothing saved.
  await page.getByLabel("First name", { exact: true }).fill("Keisha Ann");
  await page.getByLabel("Last name").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("alert").filter({ hasText: "Check these fields:" }).getByRole("link", { name: "Last name" }).click();
  await expect(page.getByLabel("Last name")).toBeFocused();
  await expect(page.getByLabel("Last name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Last name")).toHaveAccessibleDescription("This field is required.");
  await expect(page.getByLabel("First name", { exact: true })).toHaveValue("Keisha Ann");
  expect(await db.walker.findUniqueOrThrow({ where: { id: walker!.id } })).toMatchObject({ firstName: "Keisha", lastName: "Mohammed" });
  await page.getByLabel("First name", { exact: true }).fill("Keisha");
  await page.getByLabel("Last name").fill("Mohammed-Ali");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keisha Mohammed-Ali");

  await page.getByRole("button", { name: "Resend the ticket email" }).click();
  await expect(page.getByText("The ticket email is on its way")).toBeVisible();
  await waitForMessage({ to: email, subject: /You are registered/ });

  await page.getByRole("link", { name: "Cancel this registration" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByText("Registration cancelled.")).toBeVisible();
  expect((await db.walker.findUniqueOrThrow({ where: { id: walker!.id } })).status).toBe("CANCELLED");

  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action").fill("walker.");
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.getByRole("row").filter({ hasText: walker!.id });
  await expect(rows.filter({ hasText: "walker.cancel" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "walker.edit" })).toContainText("Mohammed-Ali");
});

test("raising the capacity in the settings moves the waiting list up; a capacity below the confirmed walkers is refused", async ({ page }) => {
  const db = e2eDb();
  const eventId = await currentEventId();
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  // Full, with someone waiting.
  await db.event.update({ where: { id: eventId }, data: { capacity: event.confirmedCount } });
  const waitingEmail = `waiting-${randomUUID().slice(0, 8)}@example.org`;
  await insertWalkers(db, eventId, [{ status: "WAITING", email: waitingEmail }]);
  const waitingBefore = await db.walker.count({ where: { eventId, status: "WAITING" } });

  await signIn(page, await createOrganiser());
  await page.getByRole("link", { name: "Event settings" }).click();
  await page.getByLabel("Capacity (walkers)").fill(String(event.confirmedCount - 1));
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText(/walkers are already confirmed: the capacity cannot be lower/)).toBeVisible();
  // The summary at the top leads to the field, which says what is wrong.
  const summary = page.getByRole("alert").filter({ hasText: "Check these fields:" });
  await summary.getByRole("link", { name: "Capacity (walkers)" }).click();
  await expect(page.getByLabel("Capacity (walkers)")).toBeFocused();
  await expect(page.getByLabel("Capacity (walkers)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Capacity (walkers)")).toHaveAccessibleDescription(/already confirmed/);

  await page.getByLabel("Capacity (walkers)").fill(String(event.confirmedCount + waitingBefore));
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText(/Settings saved\. \d+ walkers? moved up from the waiting list\./)).toBeVisible();
  await expect.poll(() => db.walker.count({ where: { eventId, status: "WAITING" } })).toBe(0);
  await waitForMessage({ to: waitingEmail, subject: /^A place freed up/ });
});
