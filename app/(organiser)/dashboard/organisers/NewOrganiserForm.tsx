"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createOrganiserAction, type NewOrganiserState } from "./actions";

export function NewOrganiserForm() {
  const t = useTranslations("Dashboard.organisers");
  const [state, action, pending] = useActionState<NewOrganiserState, FormData>(createOrganiserAction, {});
  return (
    <form action={action} className="max-w-md space-y-3 rounded-lg bg-white p-4 shadow-sm" noValidate>
      <h2 className="text-lg font-semibold">{t("add")}</h2>
      {state.message && <p className="text-red-800">{state.message}</p>}
      {state.created && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("created", { email: state.created.email })} <code className="font-mono font-bold">{state.created.oneTimePassword}</code>
        </p>
      )}
      {(["email", "name"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={`new-${name}`} className="block font-medium">
            {t(`${name}Label`)}
          </label>
          <input
            id={`new-${name}`}
            name={name}
            type={name === "email" ? "email" : "text"}
            required
            aria-invalid={state.fieldErrors?.[name] ? true : undefined}
            aria-describedby={state.fieldErrors?.[name] ? `new-${name}-error` : undefined}
            className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
          />
          {state.fieldErrors?.[name] && (
            <p id={`new-${name}-error`} className="mt-1 text-sm text-red-800">
              {state.fieldErrors[name]}
            </p>
          )}
        </div>
      ))}
      <div>
        <label htmlFor="new-role" className="block font-medium">
          {t("roleLabel")}
        </label>
        <select id="new-role" name="role" className="mt-1 block rounded border border-slate-400 px-3 py-2">
          <option value="ORGANISER">{t("role.ORGANISER")}</option>
          <option value="ADMIN">{t("role.ADMIN")}</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
