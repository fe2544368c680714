"use server";

import { asFormData } from "@/lib/http/form-data";
import { headers } from "next/headers";
import { z } from "zod";
import { checkPublicFormLimit } from "@/lib/rate-limit/public-forms";
import { sendManageLinks } from "@/lib/registrations/mutations";
import { getRegistrationEvent } from "@/lib/registrations/queries";

export interface LostLinkState {
  sent?: boolean;
  error?: "emailInvalid" | "required";
  message?: "rateLimited";
  minutes?: number;
  email?: string;
}

const schema = z.object({
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""), z.string().min(1, "required").max(254).pipe(z.email("emailInvalid"))),
  website: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string()),
});

/** Answers the same way whether or not the address is registered. */
export async function lostLinkAction(_previous: LostLinkState, form: FormData): Promise<LostLinkState> {
  const formData = asFormData(form);
  const raw = formData.get("email");
  const email = typeof raw === "string" ? raw.slice(0, 254) : "";
  const limit = await checkPublicFormLimit("lost-link", await headers());
  if (!limit.allowed) return { message: "rateLimited", minutes: limit.retryMinutes, email };
  const parsed = schema.safeParse({ email: formData.get("email"), website: formData.get("website") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message === "required" ? "required" : "emailInvalid", email };
  // A filled honeypot gets the same answer, and nothing is sent.
  if (parsed.data.website === "") {
    const event = await getRegistrationEvent("en");
    if (event) await sendManageLinks(event.id, parsed.data.email);
  }
  return { sent: true };
}
