"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { contentKey } from "@/lib/events/content-rules";
import { EditionNotFound } from "@/lib/events/edition";
import { nextEditionSchema, NotALaterYear, publishEdition, PublishRefused, startNextEdition, YearTaken } from "@/lib/events/editions";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { publicPagesChanged } from "@/lib/public-pages-changed";

const startNext = formAction({
  schema: nextEditionSchema,
  translator: messagesOf("Dashboard.edition"),
  errorKey: (code) => `errors.${code}`,
  run: async (data) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    const { id } = await startNextEdition(actor, data);
    revalidatePath("/dashboard/editions");
    redirect(`/dashboard/editions/${id}`);
  },
  refuse: (error, t): FormState | undefined => {
    if (error instanceof NotALaterYear) return { fieldErrors: { walkDate: t("errors.notALaterYear", { year: error.after }) } };
    if (error instanceof YearTaken) return { fieldErrors: { walkDate: t("errors.yearTaken", { year: error.year }) } };
    if (error instanceof EditionNotFound) return { message: t("errors.notFound") };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("errors.forbidden") };
  },
});

export async function startNextEditionAction(previous: FormState, formData: FormData): Promise<FormState> {
  return startNext(previous, formData);
}


const publish = formAction({
  schema: z.object({ editionId: z.string().min(1, "notFound") }),
  // The missing texts are named as the content editor names them (Dashboard.content.missing).
  translator: messagesOf("Dashboard"),
  errorKey: (code) => `edition.errors.${code}`,
  run: async ({ editionId }, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    await publishEdition(actor, editionId);
    await publicPagesChanged();
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: t("edition.published") };
  },
  refuse: (error, t): FormState | undefined => {
    if (error instanceof PublishRefused) {
      if (error.reason === "incomplete") {
        const missing = (error.detail.missing ?? []).map(({ field, language }) => t(`content.missing.${contentKey(field, language)}`));
        return { message: `${t("edition.errors.incomplete")} ${missing.join(" ")}` };
      }
      return { message: t(`edition.errors.${error.reason}`, { name: error.detail.name ?? "" }) };
    }
    if (error instanceof EditionNotFound) return { message: t("edition.errors.notFound") };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("edition.errors.forbidden") };
  },
});

export async function publishEditionAction(previous: FormState, formData: FormData): Promise<FormState> {
  return publish(previous, formData);
}
