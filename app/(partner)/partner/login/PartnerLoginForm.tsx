"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { partnerRequestLink, type SignInState } from "@/app/actions/auth";
import { FieldError } from "@/app/components/FieldError";
import { SubmitButton } from "@/app/components/SubmitButton";

export function PartnerLoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("Auth");
  const [state, action] = useActionState<SignInState, FormData>(partnerRequestLink, {});
  return (
    <form action={action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      {state.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="font-medium">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={state.fieldErrors?.email ? true : undefined}
          aria-describedby={state.fieldErrors?.email ? "email-error" : undefined}
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
        />
        <FieldError id="email-error" message={state.fieldErrors?.email} />
      </div>
      <SubmitButton label={t("sendLink")} pendingLabel={t("sending")} />
    </form>
  );
}
