import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { createOrganiser, openPublishedWalk, signInAsOrganiser } from "./support/organiser";

test("an organiser saves a new waiver version, and the sign-up form shows its text and version", async ({ page }) => {
  const marker = randomUUID().slice(0, 8);
  const english = [`Waiver ${marker}: I walk at my own risk.`, "I follow the marshals."];
  const spanish = [`Exención ${marker}: camino bajo mi propio riesgo.`, "Sigo a los voluntarios."];

  await signInAsOrganiser(page, await createOrganiser());
  await openPublishedWalk(page);
  await page.getByRole("link", { name: "Waiver and privacy" }).click();
  await expect(page.getByRole("heading", { name: "Waiver and privacy", level: 1 })).toBeVisible();

  // Until a first save, the walk has the built-in waiver, and the editor starts from it.
  const current = page.getByTestId("waiver-current");
  await expect(current).toHaveText(/^This walk uses the built-in text, version \S+:$/);
  const builtIn = /version (\S+):$/.exec((await current.textContent()) ?? "")![1]!;
  await expect(page.getByLabel("Waiver in English")).toHaveValue(/^I take part in the Fun Walk at my own risk\./);

  await page.getByLabel("Waiver in English").fill(english.join("\n"));
  await page.getByLabel("Waiver in Spanish").fill(spanish.join("\n"));
  await page.getByRole("button", { name: "Save a new version of the waiver" }).click();
  const saved = page.getByRole("status").filter({ hasText: "Saved: walkers now accept version" });
  await expect(saved).toBeVisible();
  const version = /version (\S+)\.$/.exec((await saved.textContent()) ?? "")![1]!;
  expect(version).not.toBe(builtIn);
  await expect(current).toHaveText(new RegExp(`^Walkers accept version ${version}, saved .+ by Test Organiser\\.$`));

  // Every saved version opens read-only.
  await page.getByRole("link", { name: `Version ${version}`, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Waiver, version ${version}` })).toBeVisible();
  await expect(page.getByText(spanish[0]!)).toBeVisible();

  // A walker opens the sign-up form from the walk's page.
  await page.goto("/");
  await page.getByRole("link", { name: /Register to walk|Join the waiting list/ }).first().click();
  await expect(page.getByRole("heading", { name: "Register to walk" })).toBeVisible();
  await expect(page.getByTestId("waiver-text")).toHaveText(english.join(" "));
  await expect(page.getByLabel(`I have read and accept the waiver (version ${version}) for every walker in this form`)).toBeVisible();
});
