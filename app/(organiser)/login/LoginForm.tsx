"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { organiserSignIn, type SignInState } from "@/app/actions/auth";
import { FieldError } from "@/app/components/FieldError";
import { SubmitButton } from "@/app/components/SubmitButton";

const input = "mt-1 block w-full rounded border border-slate-400 px-3 py-2";

export function LoginForm() {
  const t = useTranslations("Auth");
  const [state, action] = useActionState<SignInState, FormData>(organiserSignIn, {});
  return (
    <form action={action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      {state.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor="email" className="font-medium">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={state.fieldErrors?.email ? true : undefined}
          aria-describedby={state.fieldErrors?.email ? "email-error" : undefined}
          className={input}
        />
        <FieldError id="email-error" message={state.fieldErrors?.email} />
      </div>
      <div>
        <label htmlFor="password" className="font-medium">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.fieldErrors?.password ? true : undefined}
          aria-describedby={state.fieldErrors?.password ? "password-error" : undefined}
          className={input}
        />
        <FieldError id="password-error" message={state.fieldErrors?.password} />
      </div>
      <SubmitButton label={t("signIn")} pendingLabel={t("signingIn")} />
    </form>
  );
}
