"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { EmailNotFound, EmailNotResendable, resendEmail } from "@/lib/mail/mutations";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { queueReminder, reminderSchema } from "@/lib/mail/reminders";

export interface ResendState {
  message?: string;
  ok?: boolean;
}

export async function resendAction(_previous: ResendState, formData: FormData): Promise<ResendState> {
  const t = await getTranslations("Dashboard.emails");
  try {
    const actor = await requireRole(...ORGANISER_ROLES);
    await resendEmail(actor, String(formData.get("id") ?? ""));
  } catch (error) {
    if (error instanceof EmailNotFound) return { message: t("notFound") };
    if (error instanceof EmailNotResendable) return { message: t("notResendable") };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
    throw error;
  }
  revalidatePath("/dashboard/emails");
  return { ok: true, message: t("resent") };
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
