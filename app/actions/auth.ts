"use server";

import { asFormData } from "@/lib/http/form-data";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { safeReturnPath } from "@/lib/i18n/return-path";

export interface SignInState {
  message?: string;
  fieldErrors?: { email?: string; password?: string };
  email?: string;
}

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export async function organiserSignIn(_prev: SignInState, input: FormData): Promise<SignInState> {
  const form = asFormData(input);
  const t = await getTranslations("Auth");
  const email = emailSchema.safeParse(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const fieldErrors: SignInState["fieldErrors"] = {};
  if (!email.success) fieldErrors.email = t("emailInvalid");
  if (!password) fieldErrors.password = t("passwordRequired");
  const typed = String(form.get("email") ?? "").slice(0, 254);
  if (!email.success || !password) return { fieldErrors, email: typed };
  try {
    await signIn("credentials", { email: email.data, password, redirectTo: "/dashboard" });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (error.type === "CredentialsSignin") return { message: code === "locked" ? t("locked") : t("invalidCredentials"), email: typed };
      return { message: t("failed"), email: typed };
    }
    throw error;
  }
  return {};
}

/** Only partner pages are allowed as the place to land after a sign-in link. */
function partnerReturnPath(value: unknown): string {
  const path = safeReturnPath(value);
  return path === "/partner" || path.startsWith("/partner/") ? path : "/partner";
}

export async function partnerRequestLink(_prev: SignInState, input: FormData): Promise<SignInState> {
  const form = asFormData(input);
  const t = await getTranslations("Auth");
  const email = emailSchema.safeParse(form.get("email") ?? "");
  const typed = String(form.get("email") ?? "").slice(0, 254);
  if (!email.success) return { fieldErrors: { email: t("emailInvalid") }, email: typed };
  try {
    await signIn("nodemailer", { email: email.data, redirectTo: partnerReturnPath(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) return { message: t("sendFailed"), email: typed };
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
