"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/app/components/FormField";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { lostLinkAction } from "./actions";

export function LostLinkForm() {
  const t = useTranslations("LostLink");
  const tRegister = useTranslations("Register");
  const form = useFormAction(lostLinkAction);
  if (form.state.ok)
    return (
      <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 font-medium text-green-900">
        {form.state.message}
      </p>
    );
  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <FormSummary state={form.state} labels={{ email: t("email") }} />
      <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor="website">{tRegister("honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <TextField name="email" label={t("email")} type="email" autoComplete="email" required defaultValue={form.state.values?.email} error={form.error("email")} />
      <button type="submit" disabled={form.pending} className="rounded-lg bg-accent-600 px-5 py-2 font-semibold text-white disabled:opacity-70">
        {t("submit")}
      </button>
    </form>
  );
}
