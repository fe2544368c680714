// Direct database access for end-to-end set-up: organiser accounts and known walkers.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { currentWalkId } from "../../lib/events/current";
import { e2e } from "./env";

let client: PrismaClient | undefined;

export function e2eDb(): PrismaClient {
  client ??= createPrismaClient(readFileSync(e2e.databaseUrlFile, "utf8").trim(), 2);
  return client;
}

/** An organiser account; `oneTimePassword` makes it like the one `npm start` prints (to be replaced first). */
export async function createOrganiser(role: "ORGANISER" | "ADMIN" = "ORGANISER", options: { oneTimePassword?: boolean } = {}) {
  const email = `organiser-${randomUUID()}@example.org`;
  const password = `pw-${randomUUID()}`;
  await e2eDb().user.create({
    data: { email, role, name: "Test Organiser", passwordHash: await bcrypt.hash(password, 4), mustChangePassword: options.oneTimePassword ?? false },
  });
  return { email, password };
}

/** The walk the app shows now (lib/events/current.ts). */
export async function currentEventId(): Promise<string> {
  const id = await currentWalkId(e2eDb());
  if (!id) throw new Error("the e2e database has no walk");
  return id;
}

/** Signs an organiser in through the login form, as a person does; ends on the dashboard's overview. */
export async function signInAsOrganiser(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** From any dashboard page: Editions → the published walk's overview. */
export async function openPublishedWalk(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Editions" }).click();
  await page.getByRole("row").filter({ hasText: "Published" }).getByRole("link").click();
  await expect(page.getByText("Published: this is the walk the public pages show.")).toBeVisible();
}
