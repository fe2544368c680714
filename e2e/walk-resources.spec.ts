// The walk editor's reporting resources (and one programme item): an organiser follows the
// overview's prompt, fills the list, and the walk's page shows the section in both languages.
import { expect, test } from "./support/fixtures";
import { createOrganiser, signInAsOrganiser } from "./support/organiser";

test("an organiser adds a reporting resource and a programme item; the home page shows them in English and Spanish", async ({ page }) => {
  const account = await createOrganiser();
  await signInAsOrganiser(page, account);

  // The seed lists no resource: the overview asks for them.
  await page.getByRole("link", { name: "Add the reporting resources" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reporting resources" })).toBeVisible();
  await expect(page.getByText("No resources yet")).toBeVisible();

  const add = page.getByRole("form", { name: "Add a resource" });
  await add.getByLabel("Name in English").fill("Counter-Trafficking Test Line");
  await add.getByLabel("Name in Spanish").fill("Línea de prueba contra la trata");
  await add.getByLabel("Phone (optional)").fill("+1 868 555 0199");
  await add.getByLabel("Web address (optional)").fill("http://example.org/report");
  await add.getByRole("button", { name: "Add the resource" }).click();
  // Refused next to the field, nothing added.
  await expect(add.getByText("Enter a web address starting with https://, or leave it empty.")).toBeVisible();
  await add.getByLabel("Web address (optional)").fill("https://example.org/report");
  await add.getByLabel("Hours in English (optional)").fill("Every day, all day");
  await add.getByLabel("Hours in Spanish (optional)").fill("Todos los días, todo el día");
  await add.getByRole("button", { name: "Add the resource" }).click();
  await expect(add.getByRole("status")).toHaveText("Resource added.");
  await expect(page.getByRole("list", { name: "Reporting resources" })).toContainText("Counter-Trafficking Test Line");

  const signs = page.getByRole("form", { name: "Signs to notice" });
  await signs.getByLabel("Signs in English").fill("Someone is not free to leave their work");
  await signs.getByLabel("Signs in Spanish").fill("Alguien no puede dejar su trabajo");
  await signs.getByRole("button", { name: "Save the signs" }).click();
  await expect(signs.getByRole("status")).toHaveText("Signs saved.");

  // One programme item with its speaker.
  await page.getByRole("navigation", { name: "Sections of this walk" }).getByRole("link", { name: "Programme" }).click();
  const item = page.getByRole("form", { name: "Add an item" });
  await item.getByLabel("Time").fill("10:45");
  await item.getByLabel("Title in English").fill("Closing words");
  await item.getByLabel("Title in Spanish").fill("Palabras de cierre");
  await item.getByLabel("Speaker or host (optional)").fill("Test Speaker");
  await item.getByRole("button", { name: "Add the item" }).click();
  await expect(item.getByRole("status")).toHaveText("Item added.");

  // The prompt is gone from the overview.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add the reporting resources" })).toHaveCount(0);

  // The walk's page, in English, then in Spanish.
  await page.getByRole("link", { name: "Fun Walk", exact: true }).click();
  const section = page.getByRole("region", { name: "Report suspected trafficking" });
  await expect(section).toBeVisible();
  await expect(section.getByRole("listitem").filter({ hasText: "Someone is not free to leave their work" })).toBeVisible();
  await expect(section).toContainText("Counter-Trafficking Test Line");
  await expect(section.getByRole("link", { name: "+1 868 555 0199" })).toHaveAttribute("href", "tel:+18685550199");
  await expect(section.getByRole("link", { name: "https://example.org/report" })).toBeVisible();
  await expect(section).toContainText("Every day, all day");
  await expect(page.getByRole("region", { name: "Programme" })).toContainText("Test Speaker");

  await page.getByRole("button", { name: "Switch language to Español" }).click();
  const seccion = page.getByRole("region", { name: "Denunciar una sospecha de trata de personas" });
  await expect(seccion).toBeVisible();
  await expect(seccion).toContainText("Línea de prueba contra la trata");
  await expect(seccion).toContainText("Alguien no puede dejar su trabajo");
  await expect(seccion).toContainText("Todos los días, todo el día");
  await expect(page.getByRole("region", { name: "Programa" })).toContainText("Palabras de cierre");
});
