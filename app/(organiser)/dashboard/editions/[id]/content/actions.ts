"use server";

import { revalidatePath } from "next/cache";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { ContentIncomplete, contentSchema, saveContent, type ContentInput } from "@/lib/events/content";
import { contentKey } from "@/lib/events/content-rules";
import { EditionChanged, EditionNotFound } from "@/lib/events/edition";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";

const saveContentForm = (editionId: string) =>
  formAction({
    schema: contentSchema,
    translator: messagesOf("Dashboard.content"),
    errorKey: (code) => `errors.${code}`,
    // lib/events/content.ts parses the form's own text again, in its transaction.
    run: async (_data, { values, t }) => {
      const actor = await requireRole(...ORGANISER_ROLES);
      const saved = await saveContent(actor, editionId, values as ContentInput);
      revalidatePath(`/dashboard/editions/${editionId}`, "layout");
      // The form stays open at the version it saved: the next save is checked against it.
      return {
        ok: true,
        message: saved.status === "PUBLISHED" ? t("savedPublished") : t("saved"),
        values: { ...values, version: String(saved.version) },
      };
    },
    refuse: (error, t): FormState | undefined => {
      if (error instanceof EditionChanged) return { message: t("changed") };
      if (error instanceof ContentIncomplete) {
        const keys = error.missing.map((m) => contentKey(m.field, m.language));
        return { message: t("incomplete"), fieldErrors: Object.fromEntries(keys.map((key) => [key, t(`missing.${key}`)])) };
      }
      if (error instanceof EditionNotFound) return { message: t("notFound") };
      if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
    },
  });

/** The content form's action, bound to its edition's id by the page (checked again by lib/events/content.ts). */
export async function saveContentAction(editionId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return saveContentForm(String(editionId))(previous, formData);
}
