"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { EmailNotFound, EmailNotResendable, resendEmail } from "@/lib/mail/mutations";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { queueReminder, reminderSchema } from "@/lib/mail/reminders";

const resend = formAction({
  schema: z.object({ id: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string()) }),
  translator: messagesOf("Dashboard.emails"),
  run: async ({ id }, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    await resendEmail(actor, id);
    revalidatePath("/dashboard/emails");
    return { ok: true, message: t("resent") };
  },
  refuse: (error, t) => {
    if (error instanceof EmailNotFound) return { message: t("notFound") };
    if (error instanceof EmailNotResendable) return { message: t("notResendable") };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
  },
});

export async function resendAction(previous: FormState, formData: FormData): Promise<FormState> {
  return resend(previous, formData);
}

const sendReminder = formAction({
  schema: reminderSchema,
  translator: messagesOf("Dashboard.emails"),
  errorKey: (code) => `reminder.${code}`,
  run: async (data, { form, t }) => {
    if (form.get("confirm") !== "yes") return { message: t("reminder.confirmRequired") };
    const actor = await requireRole(...ORGANISER_ROLES);
    const event = await getDashboardEvent(actor, (await getLocale()) as "en" | "es");
    if (!event) return { message: t("noEvent") };
    const { queued } = await queueReminder(actor, event.id, data);
    revalidatePath("/dashboard/emails");
    return { ok: true, message: t("reminder.queued", { count: queued }), values: {} };
  },
  refuse: (error, t) => (error instanceof NotSignedIn || error instanceof Forbidden ? { message: t("forbidden") } : undefined),
});

export async function reminderAction(previous: FormState, formData: FormData): Promise<FormState> {
  return sendReminder(previous, formData);
}
