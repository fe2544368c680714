// The walk's content editor: English and Spanish side by side; the published walk's page shows a
// change at once; a published walk cannot lose a text in one language.
import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { createOrganiser, currentEventId, e2eDb, openPublishedWalk, signInAsOrganiser } from "./support/organiser";

test("an organiser changes the Spanish theme, the Spanish page shows it, and an empty Spanish name is refused", async ({ page }) => {
  const walkId = await currentEventId();
  const before = await e2eDb().event.findUniqueOrThrow({ where: { id: walkId }, select: { nameEs: true, contentVersion: true } });
  const theme = `Nadie se queda atrás, nadie se queda fuera (${randomUUID().slice(0, 6)}).`;
  const account = await createOrganiser();

  await signInAsOrganiser(page, account);

  // Editions → the published walk → Content.
  await openPublishedWalk(page);
  await page.getByRole("navigation", { name: "Sections of this walk" }).getByRole("link", { name: "Content" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Content" })).toBeVisible();
  await expect(page.getByLabel("Name (Spanish)", { exact: true })).toHaveValue(before.nameEs);

  await page.getByLabel("Theme (Spanish)", { exact: true }).fill(theme);
  await page.getByRole("button", { name: "Save the content" }).click();
  await expect(page.getByText("The content is saved. The walk's page shows it now.")).toBeVisible();

  // The walk's page, as a visitor reads it in Spanish.
  await page.getByRole("link", { name: "Fun Walk", exact: true }).click();
  await page.getByRole("button", { name: "Switch language to Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByText(theme)).toBeVisible();

  // Back in the dashboard, now in Spanish: a published walk keeps its Spanish name.
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Ediciones" }).click();
  await page.getByRole("row").filter({ hasText: "Publicada" }).getByRole("link").click();
  await page.getByRole("navigation", { name: "Secciones de esta caminata" }).getByRole("link", { name: "Contenido" }).click();
  await expect(page.getByLabel("Lema (español)", { exact: true })).toHaveValue(theme);
  await page.getByLabel("Nombre (español)", { exact: true }).fill("");
  await page.getByRole("button", { name: "Guardar el contenido" }).click();
  await expect(page.getByLabel("Nombre (español)", { exact: true })).toHaveAccessibleDescription("Falta el nombre en español.");
  await expect(page.getByText("Una caminata publicada necesita cada uno de sus textos en los dos idiomas.")).toBeVisible();

  const after = await e2eDb().event.findUniqueOrThrow({ where: { id: walkId }, select: { nameEs: true, themeEs: true, contentVersion: true } });
  expect(after).toEqual({ nameEs: before.nameEs, themeEs: theme, contentVersion: before.contentVersion + 1 });
});
