"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { changePasswordAction } from "./actions";

const fields = [
  ["current", "current-password"],
  ["next", "new-password"],
  ["confirm", "new-password"],
] as const;

export function PasswordForm() {
  const t = useTranslations("Dashboard.password");
  const checkFields = useTranslations("Forms")("checkFields");
  const form = useFormAction(changePasswordAction);
  const labels = Object.fromEntries(fields.map(([name]) => [name, t(`${name}Label`)]));
  return (
    <form key={form.state.attempt ?? 0} action={form.action} className="max-w-md space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      <FormSummary state={form.state} title={checkFields} labels={labels} />
      {fields.map(([name, autoComplete]) => (
        <div key={name}>
          <label htmlFor={name} className="block font-medium">
            {labels[name]}
          </label>
          <input {...form.field(name)} type="password" autoComplete={autoComplete} required className="mt-1 block w-full rounded border border-slate-400 px-3 py-2" />
          <FieldError id={`${name}-error`} message={form.error(name)} />
        </div>
      ))}
      <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
