"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Forbidden, NotSignedIn, requireRole } from "@/lib/auth";
import { createOrganiserAccount, EmailTaken, newOrganiserSchema } from "@/lib/organisers/mutations";

export interface NewOrganiserState {
  fieldErrors?: { email?: string; name?: string };
  message?: string;
  created?: { email: string; oneTimePassword: string };
}

export async function createOrganiserAction(_previous: NewOrganiserState, formData: FormData): Promise<NewOrganiserState> {
  const t = await getTranslations("Dashboard.organisers");
  const input = { email: formData.get("email"), name: formData.get("name"), role: formData.get("role") === "ADMIN" ? "ADMIN" : "ORGANISER" };
  const parsed = newOrganiserSchema.safeParse(input);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return {
      fieldErrors: {
        email: errors.email ? t("emailInvalid") : undefined,
        name: errors.name ? t("nameRequired") : undefined,
      },
    };
  }
  try {
    const actor = await requireRole("ADMIN");
    const created = await createOrganiserAccount(actor, parsed.data);
    revalidatePath("/dashboard/organisers");
    return { created: { email: created.email, oneTimePassword: created.oneTimePassword } };
  } catch (error) {
    if (error instanceof EmailTaken) return { fieldErrors: { email: t("emailTaken") } };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("adminsOnly") };
    throw error;
  }
}
