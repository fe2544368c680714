"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { checkPublicFormLimit } from "@/lib/rate-limit/public-forms";
import { sendManageLinks } from "@/lib/registrations/mutations";
import { getRegistrationEvent } from "@/lib/registrations/queries";

const schema = z.object({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : ""),
    z.string().min(1, "required").max(254, "emailInvalid").pipe(z.email("emailInvalid")),
  ),
  website: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string()),
});

/** Answers the same way whether or not the address is registered. */
const lostLink = formAction({
  schema,
  translator: messagesOf(),
  errorKey: (code) => `Register.errors.${code}`,
  // Every attempt counts, well-formed or not.
  before: async ({ t }) => {
    const limit = await checkPublicFormLimit("lost-link", await headers());
    return limit.allowed ? undefined : { message: t("Register.messages.rateLimited", { minutes: limit.retryMinutes }) };
  },
  run: async (data, { t }) => {
    // A filled honeypot gets the same answer, and nothing is sent.
    if (data.website === "") {
      const event = await getRegistrationEvent("en");
      if (event) await sendManageLinks(event.id, data.email);
    }
    return { ok: true, message: t("LostLink.sent"), values: {} };
  },
});

export async function lostLinkAction(previous: FormState, form: FormData): Promise<FormState> {
  return lostLink(previous, form);
}
