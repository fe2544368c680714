"use server";

import { asFormData } from "@/lib/http/form-data";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, localeCookie } from "@/lib/i18n/config";
import { safeReturnPath } from "@/lib/i18n/return-path";

export async function setLanguage(form: FormData): Promise<void> {
  const formData = asFormData(form);
  const locale = formData.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(localeCookie, locale, {
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: false,
    });
  }
  redirect(safeReturnPath(formData.get("returnTo")));
}
