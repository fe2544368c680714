// Race day: an organiser makes a gate pass in the dashboard, sees its link and QR code once, a
// volunteer's phone signs in with the link, and once the organiser revokes the pass the phone is refused.
import { randomUUID } from "node:crypto";
import QRCode from "qrcode";
import { toZonedInput } from "../lib/gate/time";
import { expect, test } from "./support/fixtures";
import { createOrganiser, currentEventId, e2eDb } from "./support/organiser";

test("an organiser makes a gate pass, sees its link and QR code, and revokes it", async ({ page, browser }) => {
  const account = await createOrganiser();
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Gate", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Race-day gate", level: 1 })).toBeVisible();
  // The window is filled in by default (04:00 on the walk's day to its end); this pass works from now on.
  await expect(page.getByLabel("Works from")).toHaveValue(/T04:00$/);
  const walk = await e2eDb().event.findUniqueOrThrow({ where: { id: await currentEventId() }, select: { timezone: true } });
  const label = `North gate, phone ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Label").fill(label);
  await page.getByLabel("Works from").fill(toZonedInput(new Date(Date.now() - 3_600_000), walk.timezone));
  await page.getByRole("button", { name: "Make the pass" }).click();

  await expect(page.getByRole("heading", { name: `Gate pass “${label}” made` })).toBeVisible();
  const link = await page.getByLabel("Link for the volunteer's phone").inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/gate\/open\/[A-Za-z0-9_-]{43}$/);
  // The QR code holds exactly the link.
  const qr = page.getByRole("img", { name: `QR code of the gate pass ${label}` });
  await expect(qr).toBeVisible();
  const svg = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  await expect(qr).toHaveAttribute("src", `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  const row = page.getByRole("row", { name: new RegExp(label) });
  await expect(row).toContainText("Not opened yet");

  // The volunteer's phone opens the link: signed in as the pass, sent to the gate page.
  const phone = await browser.newContext();
  const opened = await phone.request.get(new URL(link).pathname, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers()["location"]).toBe("/gate");
  expect(opened.headers()["set-cookie"]).toMatch(/^funwalk_gate=.*HttpOnly.*SameSite=Lax/i);
  const status = await phone.request.get("/api/gate/status");
  expect(status.status()).toBe(200);
  expect(await status.json()).toMatchObject({ ok: true, pass: { label } });
  // The pass is no organiser: the dashboard stays closed to it.
  const dashboard = await phone.request.get("/dashboard", { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(dashboard.status());
  // Its last contact shows on the organiser's page, which refreshes itself.
  await expect(row).not.toContainText("Not opened yet", { timeout: 20_000 });

  await row.getByRole("button", { name: `Revoke the pass ${label}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pass revoked" })).toBeVisible();
  await expect(row).toContainText("Revoked");
  const refused = await phone.request.get("/api/gate/status");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).message).toContain("An organiser revoked this gate pass");
  expect((await phone.request.get(new URL(link).pathname, { maxRedirects: 0 })).status()).toBe(401);
  await phone.close();
});
