"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { changeOwnPassword, WrongPassword } from "@/lib/organisers/mutations";
import { MIN_PASSWORD_LENGTH, newPasswordSchema } from "@/lib/organisers/passwords";

export interface PasswordState {
  fieldErrors?: { current?: string; next?: string; confirm?: string };
  message?: string;
}

export async function changePasswordAction(_previous: PasswordState, formData: FormData): Promise<PasswordState> {
  const t = await getTranslations("Dashboard.password");
  const current = String(formData.get("current") ?? "");
  const next = String(formData.get("next") ?? "");
  const confirm = String(formData.get("confirm") ?? "");
  const fieldErrors: PasswordState["fieldErrors"] = {};
  if (!current) fieldErrors.current = t("currentRequired");
  const parsed = newPasswordSchema.safeParse(next);
  if (!parsed.success) fieldErrors.next = t(parsed.error.issues[0]?.message === "tooLong" ? "tooLong" : "tooShort", { min: MIN_PASSWORD_LENGTH });
  else if (next === current) fieldErrors.next = t("same");
  if (next !== confirm) fieldErrors.confirm = t("mismatch");
  if (Object.keys(fieldErrors).length) return { fieldErrors };
  try {
    const actor = await requireRole(...ORGANISER_ROLES);
    await changeOwnPassword(actor, current, next);
  } catch (error) {
    if (error instanceof WrongPassword) return { fieldErrors: { current: t("wrong") } };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
    throw error;
  }
  redirect("/dashboard?password=changed");
}
