import { expect, test } from "./support/fixtures";
import { e2e } from "./support/env";
import { findMessages, waitForMessage } from "./support/mailbox";
import { createOrganiser } from "./support/organiser";

test.describe("dev mailbox", () => {
  test("a test message goes through the outbox and SMTP and shows up in the mailbox page", async ({ page }) => {
    const to = `mailbox-${e2e.runId}@example.org`;
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("heading", { level: 1, name: "Dev mailbox" })).toBeVisible();

    await page.getByLabel("Recipient address").fill(to);
    await page.getByLabel("Language of the message").selectOption("ES");
    const sent = Date.now();
    await page.getByRole("button", { name: "Send a test message" }).click();
    await expect(page.getByRole("status")).toHaveText(/The test message is queued/);

    const message = await waitForMessage({ to, subject: "Mensaje de prueba de la Caminata Recreativa" });
    expect(Date.parse(message.receivedAt) - sent).toBeLessThan(5_000);
    expect(message.headers["x-funwalk-message-id"]).toMatch(/^test-message:/);
    expect(message.text).toContain("Caminata Recreativa 5K del Día Mundial contra la Trata de Personas");

    await page.getByRole("link", { name: "Refresh the list" }).click();
    const row = page.getByRole("row").filter({ hasText: to });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: "Mensaje de prueba de la Caminata Recreativa" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mensaje de prueba de la Caminata Recreativa");
    await expect(page.getByTestId("text-part")).toContainText("Este mensaje comprueba que el correo");
    const frame = page.frameLocator('iframe[title="HTML part of the message"]');
    await expect(frame.getByRole("heading", { name: "Mensaje de prueba" })).toBeVisible();
    await expect(page.locator("iframe")).toHaveAttribute("sandbox", "allow-scripts");
    expect(findMessages({ to })).toHaveLength(1); // delivered once
  });

  test("refuses a bad address with a field error in the page's language, and queues nothing", async ({ browser }) => {
    const context = await browser.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("heading", { level: 1, name: "Buzón de desarrollo" })).toBeVisible();
    await page.getByLabel("Dirección del destinatario").fill("not-an-address");
    await page.getByRole("button", { name: "Enviar un mensaje de prueba" }).click();
    const input = page.getByLabel("Dirección del destinatario");
    await expect(input).toHaveAccessibleDescription("Escriba una dirección de correo como nombre@ejemplo.org.");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveValue("not-an-address");
    await page.getByRole("alert").filter({ hasText: "Revise estos campos:" }).getByRole("link", { name: "Dirección del destinatario" }).click();
    await expect(input).toBeFocused();
    await page.waitForTimeout(1_000);
    expect(findMessages({ to: "not-an-address" })).toHaveLength(0);
    await context.close();
  });

  test("works with JavaScript off", async ({ browser }) => {
    const to = `mailbox-nojs-${e2e.runId}@example.org`;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/dev/mailbox");
    await page.getByLabel("Recipient address").fill(to);
    await page.getByRole("button", { name: "Send a test message" }).click();
    await expect(page.getByRole("status")).toHaveText(/The test message is queued/);
    const message = await waitForMessage({ to, subject: "Fun Walk test message" });
    await page.goto(`/dev/mailbox/${message.id}`);
    await expect(page.getByTestId("text-part")).toContainText("This message checks that Fun Walk's email reaches you.");
    await context.close();
  });

  test("an unknown message is a 404", async ({ page }) => {
    const response = await page.goto("/dev/mailbox/no-such-message");
    expect(response?.status()).toBe(404);
  });
});

test("organisers can preview every email template in both languages", async ({ page }) => {
  await page.goto("/dashboard/emails/preview");
  await expect(page).toHaveURL(/\/login$/); // for organisers only
  const organiser = await createOrganiser();
  await page.getByLabel("Email").fill(organiser.email);
  await page.getByLabel("Password").fill(organiser.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/emails/preview");
  await expect(page.getByRole("heading", { level: 1, name: "Email templates" })).toBeVisible();
  await expect(page.getByText("Subject: Your sign-in link for Fun Walk")).toBeVisible();
  await expect(page.getByText("Subject: Su enlace para iniciar sesión en la Caminata Recreativa")).toBeVisible();
  const spanish = page.frameLocator('iframe[title="test-message in Spanish, HTML part"]');
  await expect(spanish.getByRole("heading", { name: "Mensaje de prueba" })).toBeVisible();
});
