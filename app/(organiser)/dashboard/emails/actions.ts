"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { EmailNotFound, EmailNotResendable, resendEmail } from "@/lib/mail/mutations";
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

type ReminderField = "subjectEn" | "bodyEn" | "subjectEs" | "bodyEs";
export interface ReminderState {
  fieldErrors?: Partial<Record<ReminderField, string>>;
  values?: Partial<Record<ReminderField, string>>;
  message?: string;
  ok?: boolean;
}

export async function reminderAction(_previous: ReminderState, formData: FormData): Promise<ReminderState> {
  const t = await getTranslations("Dashboard.emails");
  const values = {
    subjectEn: String(formData.get("subjectEn") ?? ""),
    bodyEn: String(formData.get("bodyEn") ?? ""),
    subjectEs: String(formData.get("subjectEs") ?? ""),
    bodyEs: String(formData.get("bodyEs") ?? ""),
  };
  const parsed = reminderSchema.safeParse(values);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    const fieldErrors: ReminderState["fieldErrors"] = {};
    for (const key of Object.keys(values) as ReminderField[]) {
      const code = errors[key]?.[0];
      if (code) fieldErrors[key] = t(`reminder.${code}` as "reminder.subjectRequired");
    }
    return { fieldErrors, values };
  }
  if (formData.get("confirm") !== "yes") return { values, fieldErrors: {}, message: t("reminder.confirmRequired") };
  try {
    const actor = await requireRole(...ORGANISER_ROLES);
    const event = await getDashboardEvent(actor, (await getLocale()) as "en" | "es");
    if (!event) return { values, message: t("noEvent") };
    const { queued } = await queueReminder(actor, event.id, parsed.data);
    revalidatePath("/dashboard/emails");
    return { ok: true, message: t("reminder.queued", { count: queued }) };
  } catch (error) {
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { values, message: t("forbidden") };
    throw error;
  }
}
