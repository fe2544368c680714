"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction, type PasswordState } from "./actions";

const fields = [
  ["current", "current-password"],
  ["next", "new-password"],
  ["confirm", "new-password"],
] as const;

export function PasswordForm() {
  const t = useTranslations("Dashboard.password");
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="max-w-md space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      {state.message && <p className="text-red-800">{state.message}</p>}
      {fields.map(([name, autoComplete]) => {
        const error = state.fieldErrors?.[name];
        return (
          <div key={name}>
            <label htmlFor={name} className="block font-medium">
              {t(`${name}Label`)}
            </label>
            <input
              id={name}
              name={name}
              type="password"
              autoComplete={autoComplete}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${name}-error` : undefined}
              className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
            />
            {error && (
              <p id={`${name}-error`} className="mt-1 text-sm text-red-800">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
