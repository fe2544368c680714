"use server";

import { revalidatePath } from "next/cache";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { EditionChanged, EditionNotFound } from "@/lib/events/edition";
import { LEGAL_TEXT_MAX, legalTextSchema, saveLegalText } from "@/lib/events/legal-texts";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";

const saveText = formAction({
  schema: legalTextSchema,
  translator: messagesOf("Dashboard.texts"),
  errorKey: (code) => `errors.${code}`,
  // A refused text comes back whole, to be corrected rather than typed again.
  valueLength: Math.max(...Object.values(LEGAL_TEXT_MAX)) + 1_000,
  run: async (data, { form, t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    const eventId = String(form.get("eventId") ?? "");
    const { version } = await saveLegalText(actor, eventId, data);
    revalidatePath(`/dashboard/editions/${eventId}/texts`);
    return { ok: true, message: t("saved", { version }), result: { version } };
  },
  refuse: (error, t): FormState | undefined => {
    if (error instanceof EditionChanged) return { message: t("changed") };
    if (error instanceof EditionNotFound) return { message: t("notFound") };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
  },
});

export async function saveLegalTextAction(previous: FormState, formData: FormData): Promise<FormState> {
  return saveText(previous, formData);
}
