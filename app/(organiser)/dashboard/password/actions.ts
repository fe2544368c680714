"use server";

import { redirect } from "next/navigation";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { changeOwnPassword, WrongPassword } from "@/lib/organisers/mutations";
import { changePasswordSchema, MIN_PASSWORD_LENGTH } from "@/lib/organisers/passwords";

const changePassword = formAction({
  schema: changePasswordSchema,
  translator: async () => {
    const t = await messagesOf("Dashboard.password")();
    return (key, values) => t(key, { min: MIN_PASSWORD_LENGTH, ...values });
  },
  secret: ["current", "next", "confirm"],
  run: async (data) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    await changeOwnPassword(actor, data.current, data.next);
    redirect("/dashboard?password=changed");
  },
  refuse: (error, t) => {
    if (error instanceof WrongPassword) return { fieldErrors: { current: t("wrong") } };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
  },
});

export async function changePasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changePassword(previous, formData);
}
