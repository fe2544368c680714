"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { createOrganiserAction } from "./actions";

export function NewOrganiserForm() {
  const t = useTranslations("Dashboard.organisers");
  const checkFields = useTranslations("Forms")("checkFields");
  const form = useFormAction(createOrganiserAction);
  const created = form.state.result;
  const labels = { email: t("emailLabel"), name: t("nameLabel") };
  return (
    <form key={form.state.attempt ?? 0} action={form.action} className="max-w-md space-y-3 rounded-lg bg-white p-4 shadow-sm" noValidate>
      <h2 className="text-lg font-semibold">{t("add")}</h2>
      {created ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("created", { email: created.email ?? "" })} <code className="font-mono font-bold">{created.oneTimePassword}</code>
        </p>
      ) : (
        <FormSummary state={form.state} title={checkFields} labels={labels} />
      )}
      {(["email", "name"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={name} className="block font-medium">
            {labels[name]}
          </label>
          <input {...form.field(name)} type={name === "email" ? "email" : "text"} required className="mt-1 block w-full rounded border border-slate-400 px-3 py-2" />
          <FieldError id={`${name}-error`} message={form.error(name)} />
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
      <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
