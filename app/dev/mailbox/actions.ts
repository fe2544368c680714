"use server";

import { revalidatePath } from "next/cache";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { devMailboxDir } from "@/lib/mail/dev-mailbox";
import { sendTestMessage } from "@/lib/mail/mutations";
import { TestMessageForm } from "@/lib/mail/schema";

/** Dev mailbox only: queues a test message through the outbox, as the app sends every email. */
const sendTest = formAction({
  schema: TestMessageForm,
  // The address's checks without a message of their own (too long) read as the address's.
  translator: messagesOf("DevMailbox.send", { fallback: "invalidEmail" }),
  run: async (data, { t }) => {
    if (!devMailboxDir()) return { message: t("failed") };
    try {
      await sendTestMessage({ to: data.to, language: data.language, note: "" });
    } catch {
      return { message: t("failed") };
    }
    revalidatePath("/dev/mailbox");
    return { ok: true, message: t("queued"), values: { to: data.to, language: data.language } };
  },
});

export async function sendTestMessageAction(previous: FormState, form: FormData): Promise<FormState> {
  return sendTest(previous, form);
}
