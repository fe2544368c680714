"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Forbidden, NotSignedIn, requireRole, type Actor } from "@/lib/auth";
import { BoothError, BoothTaken } from "@/lib/booths/errors";
import { cancelBooking, requestBooking, saveOrganisationProfile } from "@/lib/booths/mutations";
import { bookingRequestFromForm, organisationProfileSchema } from "@/lib/booths/schema";

export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

/** The partner's session; a stranger is sent to the login page, another role gets a 403 sentence. */
async function partner(): Promise<Actor | { denied: string }> {
  try {
    return await requireRole("PARTNER");
  } catch (error) {
    if (error instanceof NotSignedIn) redirect("/partner/login");
    if (error instanceof Forbidden) return { denied: (await getTranslations("Booths"))("errors.forbidden") };
    throw error;
  }
}

async function errorMessage(error: unknown): Promise<string> {
  const t = await getTranslations("Booths");
  if (error instanceof BoothError) return t(`errors.${error.code}`);
  if (error instanceof Forbidden) return t("errors.forbidden");
  console.error(`booth action failed: ${error instanceof Error ? error.name : "unknown error"}`);
  return t("errors.failed");
}

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value.slice(0, 1000);
  return values;
}

export async function saveProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("Booths");
  const values = formValues(form);
  const parsed = organisationProfileSchema.safeParse({
    name: form.get("name") ?? "",
    category: form.get("category") ?? undefined,
    contactName: form.get("contactName") ?? "",
    phone: form.get("phone") ?? "",
    website: form.get("website") ?? "",
    description: form.get("description") ?? "",
    listPublicly: form.get("listPublicly"),
  });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    const fieldErrors = Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, t(`fieldErrors.${v?.[0] ?? "tooLong"}`)]));
    return { ok: false, fieldErrors, values };
  }
  const actor = await partner();
  if ("denied" in actor) return { ok: false, message: actor.denied, values };
  try {
    const locale = await getLocale();
    await saveOrganisationProfile(actor.userId, parsed.data, locale === "es" ? "ES" : "EN");
  } catch (error) {
    return { ok: false, message: await errorMessage(error), values };
  }
  revalidatePath("/partner", "layout");
  return { ok: true, message: (await getTranslations("Partner"))("saved"), values };
}

export async function requestBoothAction(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("Booths");
  const values = formValues(form);
  const parsed = bookingRequestFromForm(form);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "addons" && typeof issue.path[1] === "number") {
        const addonId = [...form.keys()].filter((k) => k.startsWith("addon:"))[issue.path[1]];
        if (addonId) fieldErrors[addonId] = t("fieldErrors.quantityInvalid");
      } else if (issue.path[0] === "boothId") fieldErrors.boothId = t("fieldErrors.boothRequired");
    }
    return { ok: false, message: t("errors.invalidAddon"), fieldErrors, values };
  }
  const actor = await partner();
  if ("denied" in actor) return { ok: false, message: actor.denied, values };
  let bookingId: string;
  try {
    ({ bookingId } = await requestBooking(actor.userId, parsed.data));
  } catch (error) {
    // The map is drawn again with the booth's new state, beside the sentence that says so.
    if (error instanceof BoothTaken) revalidatePath("/partner/book");
    return { ok: false, message: await errorMessage(error), values };
  }
  revalidatePath("/partner", "layout");
  revalidatePath("/booths");
  redirect(`/partner/bookings/${bookingId}?requested=1`);
}

export async function cancelBookingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await partner();
  if ("denied" in actor) return { ok: false, message: actor.denied };
  const bookingId = String(form.get("bookingId") ?? "");
  try {
    await cancelBooking(actor.userId, bookingId);
  } catch (error) {
    return { ok: false, message: await errorMessage(error) };
  }
  revalidatePath("/partner", "layout");
  revalidatePath("/booths");
  return { ok: true, message: (await getTranslations("Partner"))("cancelled") };
}
