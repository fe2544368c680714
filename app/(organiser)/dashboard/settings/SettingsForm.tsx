"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveSettingsAction, type SettingsState } from "./actions";

const fields = [
  ["capacity", "number"],
  ["startsAt", "datetime-local"],
  ["endsAt", "datetime-local"],
  ["registrationOpensAt", "datetime-local"],
  ["registrationClosesAt", "datetime-local"],
  ["boothHoldHours", "number"],
] as const;

export function SettingsForm({ initial }: { initial: Record<(typeof fields)[number][0], string> }) {
  const t = useTranslations("Dashboard.settings");
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, {});
  const values = { ...initial, ...state.values };
  return (
    <form key={state.attempt ?? 0} action={action} noValidate className="max-w-xl space-y-4 rounded-lg bg-white p-6 shadow-sm">
      {state.message && (
        <p role="status" className={state.ok ? "rounded border border-green-700 bg-green-50 p-3" : "text-red-800"}>
          {state.message}
        </p>
      )}
      {fields.map(([name, type]) => {
        const error = state.fieldErrors?.[name];
        return (
          <div key={name}>
            <label htmlFor={name} className="block font-medium">
              {t(`labels.${name}`)}
            </label>
            <input
              id={name}
              name={name}
              type={type}
              defaultValue={values[name]}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${name}-error` : `${name}-hint`}
              className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
            />
            {error ? (
              <p id={`${name}-error`} className="mt-1 text-sm text-red-800">
                {error}
              </p>
            ) : (
              <p id={`${name}-hint`} className="mt-1 text-sm text-slate-700">
                {t(`hints.${name}`)}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
