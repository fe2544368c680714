"use server";

import { revalidatePath } from "next/cache";
import { Forbidden, NotSignedIn, requireRole } from "@/lib/auth";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { createOrganiserAccount, EmailTaken, newOrganiserSchema } from "@/lib/organisers/mutations";

const createOrganiser = formAction({
  schema: newOrganiserSchema,
  translator: messagesOf("Dashboard.organisers"),
  read: (form) => ({ email: form.get("email"), name: form.get("name"), role: form.get("role") === "ADMIN" ? "ADMIN" : "ORGANISER" }),
  run: async (data) => {
    const actor = await requireRole("ADMIN");
    const created = await createOrganiserAccount(actor, data);
    revalidatePath("/dashboard/organisers");
    // The form starts empty again; the one-time password is shown once.
    return { ok: true, values: {}, result: { email: created.email, oneTimePassword: created.oneTimePassword } };
  },
  refuse: (error, t) => {
    if (error instanceof EmailTaken) return { fieldErrors: { email: t("emailTaken") } };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("adminsOnly") };
  },
});

export async function createOrganiserAction(previous: FormState, formData: FormData): Promise<FormState> {
  return createOrganiser(previous, formData);
}
