"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { reminderAction } from "./actions";

const fields = [
  ["subjectEn", "input"],
  ["bodyEn", "textarea"],
  ["subjectEs", "input"],
  ["bodyEs", "textarea"],
] as const;

export function ReminderForm({ recipients }: { recipients: number }) {
  const t = useTranslations("Dashboard.emails.reminder");
  const checkFields = useTranslations("Forms")("checkFields");
  const form = useFormAction(reminderAction);
  if (form.state.ok) return <FormSummary state={form.state} title={checkFields} labels={{}} />;
  const labels = Object.fromEntries(fields.map(([name]) => [name, t(`${name}Label`)]));
  return (
    <form key={form.state.attempt ?? 0} action={form.action} className="space-y-3" noValidate>
      <FormSummary state={form.state} title={checkFields} labels={labels} />
      {fields.map(([name, kind]) => {
        const common = { ...form.field(name), className: "mt-1 block w-full rounded border border-slate-400 px-3 py-2" };
        return (
          <div key={name}>
            <label htmlFor={name} className="block font-medium">
              {labels[name]}
            </label>
            {kind === "input" ? <input {...common} /> : <textarea {...common} rows={5} />}
            <FieldError id={`${name}-error`} message={form.error(name)} />
          </div>
        );
      })}
      <label className="flex items-center gap-2">
        <input type="checkbox" name="confirm" value="yes" />
        {t("confirm", { count: recipients })}
      </label>
      <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
