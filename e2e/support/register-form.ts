// Fills the sign-up form the way a walker does: by visible labels.
import type { Page } from "@playwright/test";
import { e2e } from "./env";

export interface WalkerDetails {
  firstName: string;
  lastName: string;
  ageBand: string;
  email?: string;
  phone?: string;
  guardianName?: string;
}

const labels = {
  en: {
    walker: (n: number) => `Walker ${n}`,
    firstName: "First name",
    lastName: "Last name",
    email: "Email",
    phone: "Phone (optional)",
    ageBand: "Age group",
    emergencyName: "Emergency contact name",
    emergencyPhone: "Emergency contact phone",
    guardianName: "Parent or guardian's name",
    guardianConsent: "As parent or guardian, I consent to this walker taking part",
    waiver: /I have read and accept the waiver/,
    privacy: /^I have read the privacy notice \(version [\w-]+\)$/,
  },
  es: {
    walker: (n: number) => `Caminante ${n}`,
    firstName: "Nombre",
    lastName: "Apellido",
    email: "Correo electrónico",
    phone: "Teléfono (opcional)",
    ageBand: "Grupo de edad",
    emergencyName: "Nombre del contacto de emergencia",
    emergencyPhone: "Teléfono del contacto de emergencia",
    guardianName: "Nombre de la madre, el padre o el tutor",
    guardianConsent: "Como madre, padre o tutor, autorizo la participación de este caminante",
    waiver: /He leído y acepto la exoneración/,
    privacy: /^He leído el aviso de privacidad \(versión [\w-]+\)$/,
  },
};

/** A unique address for this run, so tests never read each other's mail. */
export function testEmail(name: string): string {
  return `${name}.${e2e.runId}.${Math.random().toString(36).slice(2, 7)}@example.org`.toLowerCase();
}

export async function fillWalker(page: Page, index: number, walker: WalkerDetails, locale: "en" | "es" = "en") {
  const l = labels[locale];
  const group = page.getByRole("group", { name: l.walker(index + 1), exact: true });
  await group.getByLabel(l.firstName, { exact: true }).fill(walker.firstName);
  await group.getByLabel(l.lastName, { exact: true }).fill(walker.lastName);
  if (walker.email !== undefined) await group.getByRole("textbox", { name: new RegExp(`^${l.email}`) }).fill(walker.email);
  if (walker.phone !== undefined) await group.getByLabel(l.phone, { exact: true }).fill(walker.phone);
  await group.getByLabel(l.ageBand, { exact: true }).selectOption(walker.ageBand);
  await group.getByLabel(l.emergencyName, { exact: true }).fill("Marisol Contact");
  await group.getByLabel(l.emergencyPhone, { exact: true }).fill("+1 868 620 1234");
  if (walker.guardianName) {
    await group.getByLabel(l.guardianName, { exact: true }).fill(walker.guardianName);
    await group.getByLabel(l.guardianConsent, { exact: true }).check();
  }
}

export async function acceptTerms(page: Page, locale: "en" | "es" = "en") {
  await page.getByLabel(labels[locale].waiver).check();
  await page.getByLabel(labels[locale].privacy).check();
}
