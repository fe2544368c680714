"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { reminderAction, type ReminderState } from "./actions";

const fields = [
  ["subjectEn", "input"],
  ["bodyEn", "textarea"],
  ["subjectEs", "input"],
  ["bodyEs", "textarea"],
] as const;

export function ReminderForm({ recipients }: { recipients: number }) {
  const t = useTranslations("Dashboard.emails.reminder");
  const [state, action, pending] = useActionState<ReminderState, FormData>(reminderAction, {});
  if (state.ok) return <p role="status" className="rounded border border-green-700 bg-green-50 p-3">{state.message}</p>;
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message && <p className="text-red-800">{state.message}</p>}
      {fields.map(([name, kind]) => {
        const error = state.fieldErrors?.[name];
        const common = {
          id: name,
          name,
          defaultValue: state.values?.[name] ?? "",
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `${name}-error` : undefined,
          className: "mt-1 block w-full rounded border border-slate-400 px-3 py-2",
        };
        return (
          <div key={name}>
            <label htmlFor={name} className="block font-medium">
              {t(`${name}Label`)}
            </label>
            {kind === "input" ? <input {...common} /> : <textarea {...common} rows={5} />}
            {error && (
              <p id={`${name}-error`} className="mt-1 text-sm text-red-800">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <label className="flex items-center gap-2">
        <input type="checkbox" name="confirm" value="yes" />
        {t("confirm", { count: recipients })}
      </label>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
