"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { safeReturnPath } from "@/lib/i18n/return-path";

const email = z.string().trim().toLowerCase().max(254, "emailInvalid").pipe(z.email("emailInvalid"));
const translator = messagesOf("Auth");

const signInOrganiser = formAction({
  schema: z.object({ email, password: z.string().min(1, "passwordRequired") }),
  translator,
  secret: ["password"],
  run: async (data) => {
    await signIn("credentials", { email: data.email, password: data.password, redirectTo: "/dashboard" });
    return {};
  },
  refuse: (error, t) => {
    if (!(error instanceof AuthError)) return undefined;
    const code = (error as AuthError & { code?: string }).code;
    if (error.type === "CredentialsSignin") return { message: code === "locked" ? t("locked") : t("invalidCredentials") };
    return { message: t("failed") };
  },
});

export async function organiserSignIn(previous: FormState, input: FormData): Promise<FormState> {
  return signInOrganiser(previous, input);
}

/** Only partner pages are allowed as the place to land after a sign-in link. */
function partnerReturnPath(value: unknown): string {
  const path = safeReturnPath(value);
  return path === "/partner" || path.startsWith("/partner/") ? path : "/partner";
}

const requestPartnerLink = formAction({
  schema: z.object({ email }),
  translator,
  run: async (data, { form }) => {
    await signIn("nodemailer", { email: data.email, redirectTo: partnerReturnPath(form.get("callbackUrl")) });
    return {};
  },
  refuse: (error, t) => (error instanceof AuthError ? { message: t("sendFailed") } : undefined),
});

export async function partnerRequestLink(previous: FormState, input: FormData): Promise<FormState> {
  return requestPartnerLink(previous, input);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
