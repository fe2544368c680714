"use client";

import { useTranslations } from "next-intl";
import { organiserSignIn } from "@/app/actions/auth";
import { FieldError } from "@/app/components/FieldError";
import { EmailField } from "@/app/components/forms/EmailField";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { SubmitButton } from "@/app/components/SubmitButton";

export function LoginForm() {
  const t = useTranslations("Auth");
  const checkFields = useTranslations("Forms")("checkFields");
  const form = useFormAction(organiserSignIn);
  return (
    <form key={form.state.attempt ?? 0} action={form.action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      <FormSummary state={form.state} title={checkFields} labels={{ email: t("email"), password: t("password") }} />
      <EmailField form={form} label={t("email")} autoComplete="username" />
      <div>
        <label htmlFor="password" className="font-medium">
          {t("password")}
        </label>
        <input {...form.field("password")} type="password" autoComplete="current-password" required className="mt-1 block w-full rounded border border-slate-400 px-3 py-2" />
        <FieldError id="password-error" message={form.error("password")} />
      </div>
      <SubmitButton label={t("signIn")} pendingLabel={t("signingIn")} />
    </form>
  );
}
