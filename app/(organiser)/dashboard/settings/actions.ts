"use server";

import { revalidatePath } from "next/cache";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { EditionNotFound } from "@/lib/events/edition";
import { CapacityBelowConfirmed, eventSettingsSchema, OutsideWalkYear, RetentionNeedsAdmin, updateEventSettings, type EventSettingsInput } from "@/lib/events/settings";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { publicPagesChanged } from "@/lib/public-pages-changed";

const saveSettings = formAction({
  schema: eventSettingsSchema,
  translator: messagesOf("Dashboard.settings"),
  errorKey: (code) => `errors.${code}`,
  // lib/events/settings.ts parses the form's own text again, in its transaction.
  run: async (_data, { values, t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    // The edition the form was opened for (the current walk's settings page, or an edition's).
    const { promoted } = await updateEventSettings(actor, values.eventId ?? "", values as EventSettingsInput);
    revalidatePath("/dashboard");
    await publicPagesChanged(); // capacity, dates and registration times on the walk's page
    return { ok: true, message: promoted > 0 ? t("savedPromoted", { count: promoted }) : t("saved") };
  },
  refuse: (error, t): FormState | undefined => {
    if (error instanceof RetentionNeedsAdmin) return { fieldErrors: { retentionDays: t("errors.retentionNeedsAdmin") } };
    if (error instanceof OutsideWalkYear) return { fieldErrors: { startsAt: t("errors.outsideYear", { year: error.year }) } };
    if (error instanceof EditionNotFound) return { message: t("noEvent") };
    if (error instanceof CapacityBelowConfirmed) return { fieldErrors: { capacity: t("errors.belowConfirmed", { confirmed: error.confirmed }) } };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
  },
});

export async function saveSettingsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return saveSettings(previous, formData);
}
