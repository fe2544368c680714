"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { sendTestMessageAction } from "./actions";

export function TestMessageForm({ defaultLanguage }: { defaultLanguage: "EN" | "ES" }) {
  const t = useTranslations("DevMailbox.send");
  const form = useFormAction(sendTestMessageAction);
  return (
    <form key={form.state.attempt ?? 0} action={form.action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      <FormSummary state={form.state} labels={{ to: t("to"), language: t("language") }} />
      <div>
        <label htmlFor="to" className="block font-semibold">
          {t("to")}
        </label>
        <input {...form.field("to")} type="email" autoComplete="off" className="mt-1 w-full max-w-md rounded border border-slate-400 px-3 py-2" />
        <FieldError id="to-error" message={form.error("to")} />
      </div>
      <div>
        <label htmlFor="language" className="block font-semibold">
          {t("language")}
        </label>
        <select {...form.field("language", { fallback: defaultLanguage })} className="mt-1 rounded border border-slate-400 px-3 py-2">
          <option value="EN">{t("en")}</option>
          <option value="ES">{t("es")}</option>
        </select>
        <FieldError id="language-error" message={form.error("language")} />
      </div>
      <button type="submit" disabled={form.pending} className="rounded-lg bg-brand-800 px-5 py-2 font-semibold text-white disabled:opacity-70">
        {form.pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
