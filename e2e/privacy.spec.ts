import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { setCapacity, waitingCount } from "./support/db";
import { linkIn, waitForMessage } from "./support/mailbox";
import { createOrganiser } from "./support/organiser";
import { acceptTerms, fillWalker, testEmail } from "./support/register-form";
import { e2e } from "./support/env";
import { rememberPersonalValues } from "./support/personal-values";

// Runs in its own Playwright project after the waiting-list spec: it fills the walk and changes the
// retention period.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // The first test signs up with places free: nobody may be waiting from an earlier spec.
  expect(await waitingCount(), "walkers left on the waiting list by an earlier spec").toBe(0);
});

test.afterAll(async () => {
  await setCapacity(800);
});

async function signUp(page: Page, walkers: { firstName: string; lastName: string; email?: string }[], button = "Register", language?: "ES") {
  // The server-log spec looks for these even once their data is deleted.
  rememberPersonalValues(...walkers.flatMap((w) => [`${w.firstName} ${w.lastName}`, w.firstName, ...(w.email ? [w.email] : [])]));
  await page.goto("/");
  await page.getByRole("link", { name: /Register to walk|Join the waiting list/ }).first().click();
  if (walkers.length > 1) {
    await page.getByLabel("Number of walkers").selectOption(String(walkers.length));
    await page.getByRole("button", { name: "Show the form" }).click();
    await expect(page.getByRole("group", { name: `Walker ${walkers.length}`, exact: true })).toBeVisible();
  }
  for (const [i, walker] of walkers.entries()) await fillWalker(page, i, { ...walker, ageBand: "AGE_18_34" });
  if (language) await page.getByLabel("Preferred language for emails").selectOption(language);
  await acceptTerms(page);
  await page.getByRole("button", { name: button, exact: true }).click();
}

test("a walker sees, downloads and deletes the group's data; the place goes to the first walker waiting, who gets their email", async ({ page, browser }) => {
  const marker = randomUUID().slice(0, 6);
  const contactEmail = testEmail("privacy");
  const contact = { firstName: `Priya${marker}`, lastName: "Datos", email: contactEmail };
  const friend = { firstName: `Pablo${marker}`, lastName: "Datos" };
  await signUp(page, [contact, friend]);
  await expect(page.getByTestId("walker-status")).toHaveText(["Confirmed", "Confirmed"]);

  // The walk is now full; the next walker goes on the waiting list.
  await setCapacity("taken");
  const waiter = await (await browser.newContext()).newPage();
  const waiterEmail = testEmail("next");
  await expect(async () => {
    await waiter.goto("/");
    await expect(waiter.getByText(/The walk is full/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 12_000 });
  await signUp(waiter, [{ firstName: `Wilma${marker}`, lastName: "Next", email: waiterEmail }], "Join the waiting list");
  await expect(waiter.getByTestId("walker-status")).toHaveText("Waiting list: number 1");

  // The walker opens the link in the confirmation email, as they would on another day.
  const confirmation = await waitForMessage({ to: contactEmail, subject: /^You are registered/ });
  const walkerPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await walkerPage.goto(linkIn(confirmation, `${e2e.baseURL}/manage/`));
  await walkerPage.getByRole("link", { name: "Open your data" }).click();
  await expect(walkerPage.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  const contactSection = walkerPage.getByRole("region", { name: `${contact.firstName} ${contact.lastName}` });
  await expect(contactSection).toContainText(contactEmail);
  await expect(contactSection).toContainText("Marisol Contact");
  await expect(contactSection).toContainText("+18686201234");
  await expect(walkerPage.getByRole("region", { name: `${friend.firstName} ${friend.lastName}` })).toBeVisible();
  await expect(walkerPage.getByRole("region", { name: "Emails sent to you" })).toContainText(/You are registered/);

  // Download: a JSON file with every walker's fields.
  const [download] = await Promise.all([walkerPage.waitForEvent("download"), walkerPage.getByRole("link", { name: "Download (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const data = JSON.parse(readFileSync(await download.path(), "utf8"));
  const names = data.walkers.map((w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`);
  expect(names).toEqual([`${contact.firstName} Datos`, `${friend.firstName} Datos`]);
  expect(data.walkers[0]).toMatchObject({ email: contactEmail, emergencyContactName: "Marisol Contact", emergencyContactPhone: "+18686201234", status: "CONFIRMED" });
  expect(data.group.contactEmail).toBe(contactEmail);

  // Delete, with a confirmation step that names who is deleted and can be left.
  await walkerPage.getByRole("link", { name: "Delete our data now" }).click();
  await expect(walkerPage.getByText(`You are about to delete the data of: ${contact.firstName} Datos, ${friend.firstName} Datos.`)).toBeVisible();
  await walkerPage.getByRole("link", { name: "No, keep it" }).click();
  await expect(walkerPage.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await walkerPage.getByRole("link", { name: "Delete our data now" }).click();
  await walkerPage.getByRole("button", { name: "Yes, delete the data" }).click();
  await expect(walkerPage.getByRole("heading", { name: "Nothing is stored any more" })).toBeVisible();
  await expect(walkerPage.getByText(contact.firstName)).toHaveCount(0);

  // The link now says nothing is stored, everywhere it leads; the download too.
  await walkerPage.goto(linkIn(confirmation, `${e2e.baseURL}/manage/`));
  await expect(walkerPage.getByRole("heading", { name: "Nothing is stored any more" })).toBeVisible();
  const manageUrl = linkIn(confirmation, `${e2e.baseURL}/manage/`).replace(/\?.*$/, "");
  const again = await walkerPage.request.get(`${manageUrl}/data/download`);
  expect(again.status()).toBe(410);
  expect(await again.text()).not.toContain(contactEmail);

  // The last email says so; the freed places went to the first walker waiting.
  const deleted = await waitForMessage({ to: contactEmail, subject: /^Your data is deleted/ });
  expect(deleted.text.replace(/\s+/g, " ")).toContain("is cancelled and the personal data is deleted");
  await waitForMessage({ to: waiterEmail, subject: /^A place freed up/ });
  await waiter.reload();
  await expect(waiter.getByTestId("walker-status")).toHaveText("Confirmed");
});

test("a group that signed up in Spanish reads its data in Spanish in an English browser, and its contact deletes one walker's data", async ({ page, browser }) => {
  await setCapacity(800);
  const marker = randomUUID().slice(0, 6);
  const contactEmail = testEmail("grupo");
  const contact = { firstName: `Rosa${marker}`, lastName: "Grupo", email: contactEmail };
  const leaving = { firstName: `Hugo${marker}`, lastName: "Grupo" };
  const staying = { firstName: `Inés${marker}`, lastName: "Grupo" };
  await signUp(page, [contact, leaving, staying], "Register", "ES");
  await expect(page.getByTestId("walker-status")).toHaveText(["Confirmed", "Confirmed", "Confirmed"]);
  const confirmation = await waitForMessage({ to: contactEmail, subject: /^Está inscrito/ });

  // An English browser (this context's default) opens the group's data: it is in Spanish.
  const walkerPage = await (await browser.newContext({ locale: "en-US" })).newPage();
  await walkerPage.goto(linkIn(confirmation, `${e2e.baseURL}/manage/`));
  await expect(walkerPage.getByRole("heading", { level: 1, name: "Your registration" })).toBeVisible();
  await walkerPage.getByRole("link", { name: "Open your data" }).click();
  await expect(walkerPage.getByRole("heading", { level: 1, name: "Sus datos" })).toBeVisible();
  await expect(walkerPage.getByRole("region", { name: "El grupo" })).toContainText("Correo electrónico");
  const leavingSection = walkerPage.getByRole("region", { name: `${leaving.firstName} ${leaving.lastName}` });
  await expect(leavingSection.getByText("Nombre", { exact: true })).toBeVisible();
  await expect(leavingSection.getByText("Estado", { exact: true })).toBeVisible();
  await expect(walkerPage.getByRole("link", { name: "Descargar (JSON)" })).toBeVisible();

  // The contact deletes one walker's data; the others stay.
  await leavingSection.getByRole("link", { name: `Borrar los datos de este caminante: ${leaving.firstName} ${leaving.lastName}` }).click();
  await expect(walkerPage.getByText(`Está a punto de borrar los datos de: ${leaving.firstName} ${leaving.lastName}.`)).toBeVisible();
  await walkerPage.getByRole("button", { name: "Sí, borrar los datos" }).click();
  await expect(walkerPage.getByRole("heading", { level: 1, name: "Your registration" })).toBeVisible();
  await expect(walkerPage.getByRole("status")).toContainText("The walker's data is deleted");
  await expect(walkerPage.getByRole("heading", { level: 2, name: `${contact.firstName} ${contact.lastName}` })).toBeVisible();
  await expect(walkerPage.getByRole("heading", { level: 2, name: `${staying.firstName} ${staying.lastName}` })).toBeVisible();
  await expect(walkerPage.getByText(leaving.firstName)).toHaveCount(0);

  await walkerPage.getByRole("link", { name: "Open your data" }).click();
  await expect(walkerPage.getByRole("region", { name: `${contact.firstName} ${contact.lastName}` })).toBeVisible();
  await expect(walkerPage.getByRole("region", { name: `${staying.firstName} ${staying.lastName}` })).toBeVisible();
  await expect(walkerPage.getByText(leaving.firstName)).toHaveCount(0);
  const deleted = await waitForMessage({ to: contactEmail, subject: /^Sus datos están borrados/ });
  expect(deleted.subject).not.toContain(leaving.firstName);
});

test("the privacy notice states the retention period an admin sets, in English and Spanish", async ({ page }) => {
  const admin = await createOrganiser("ADMIN");
  await page.goto("/login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Event settings" }).click();
  const retention = page.getByLabel("Keep personal data (days after the walk)");
  await retention.fill("0");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(retention).toHaveAccessibleDescription(/Enter a whole number of days between 1 and 730\./);
  await retention.fill("45");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  const visitor = await (await page.context().browser()!.newContext()).newPage();
  await visitor.goto("/");
  await visitor.getByRole("link", { name: "Privacy notice" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  await expect(visitor.getByText(/^45 days after the walk ends/)).toBeVisible();
  await expect(visitor.getByText(/never ask for nationality, immigration status or ID numbers/)).toBeVisible();
  await visitor.getByRole("button", { name: "Switch language to Español" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Aviso de privacidad" })).toBeVisible();
  await expect(visitor.getByText(/^45 días después de que termine la caminata/)).toBeVisible();

  // The sign-up form states the same number.
  await visitor.goto("/register");
  await expect(visitor.getByText(/45 días/)).toBeVisible();
  // Back to the default for the specs after this one.
  await retention.fill("60");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
});
