import { expect, test } from "./support/fixtures";

test.describe("event page", () => {
  test("shows the walk in English with its programme and places left", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Fun Walk/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("World Day Against Trafficking in Persons 5K Fun Walk");
    await expect(page.getByText("Reach every victim of trafficking. Leave no one behind.")).toBeVisible();
    await expect(page.getByText(/Queen's Park Savannah, Port of Spain/)).toBeVisible();
    const programme = page.getByRole("region", { name: "Programme" }).getByRole("listitem");
    await expect(programme).toHaveText([
      /Registration and warm-up/,
      /5K walk around the Savannah/,
      /Aerobics and Zumba burnout/,
      /Exhibition booths/,
    ]);
    await expect(page.getByTestId("places-left")).toHaveText("800 places left of 800");
    await expect(page.getByRole("link", { name: "Register to walk" })).toHaveAttribute("href", "/register");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("switches to Spanish, remembers it, and switches back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Switch language to Español" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Caminata Recreativa 5K del Día Mundial contra la Trata de Personas",
    );
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByText("Quedan 800 cupos de 800")).toBeVisible();

    await page.reload();
    await expect(page.getByRole("link", { name: "Inscribirme en la caminata" })).toBeVisible();

    await page.getByRole("button", { name: "Cambiar el idioma a English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("World Day Against Trafficking in Persons 5K Fun Walk");
  });

  test("follows a Spanish browser's language on the first visit", async ({ browser }) => {
    const context = await browser.newContext({ locale: "es-VE" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { name: "Programa" })).toBeVisible();
  });

  test("the language switch works with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Switch language to Español" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
  });

  test("a Spanish link is an address of its own, and the visit stays in Spanish", async ({ page }) => {
    // Someone shares the walk's page in Spanish; an English browser opens it.
    await page.goto("/es");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Caminata Recreativa 5K del Día Mundial contra la Trata de Personas");
    await page.getByRole("link", { name: "Socios: reserven un stand de exposición" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Stands de exposición" })).toBeVisible();
    await expect(page).toHaveURL(/\/booths$/);
    await page.getByRole("link", { name: "Caminata Recreativa", exact: true }).click();
    await expect(page.getByRole("link", { name: "Inscribirme en la caminata" })).toBeVisible();
  });

  test("the language switch on a language's own address goes to the other language's", async ({ page }) => {
    await page.goto("/en/booths");
    await expect(page.getByRole("heading", { level: 1, name: "Exhibition booths" })).toBeVisible();
    await page.getByRole("button", { name: "Switch language to Español" }).click();
    await expect(page).toHaveURL(/\/es\/booths$/);
    await expect(page.getByRole("heading", { level: 1, name: "Stands de exposición" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
  });

  test("an unknown address shows a helpful not-found page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the event page" })).toBeVisible();
  });
});
