"use server";

import { asFormData } from "@/lib/http/form-data";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { devMailboxDir } from "@/lib/mail/dev-mailbox";
import { sendTestMessage } from "@/lib/mail/mutations";
import { TestMessageForm } from "@/lib/mail/schema";

export interface TestMessageState {
  ok: boolean;
  message?: string;
  fieldErrors?: { to?: string; language?: string };
  values?: { to: string; language: string };
}

/** Dev mailbox only: queues a test message through the outbox, as the app sends every email. */
export async function sendTestMessageAction(_previous: TestMessageState, form: FormData): Promise<TestMessageState> {
  const formData = asFormData(form);
  const t = await getTranslations("DevMailbox.send");
  if (!devMailboxDir()) return { ok: false, message: t("failed") };
  const values = { to: String(formData.get("to") ?? ""), language: String(formData.get("language") ?? "") };
  const parsed = TestMessageForm.safeParse(values);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return {
      ok: false,
      values,
      fieldErrors: {
        to: errors.to ? t("invalidEmail") : undefined,
        language: errors.language ? t("invalidLanguage") : undefined,
      },
    };
  }
  try {
    await sendTestMessage({ to: parsed.data.to, language: parsed.data.language, note: "" });
  } catch {
    return { ok: false, values, message: t("failed") };
  }
  revalidatePath("/dev/mailbox");
  return { ok: true, message: t("queued"), values: { to: parsed.data.to, language: parsed.data.language } };
}
