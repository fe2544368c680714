"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { SubmitButton } from "@/app/components/SubmitButton";
import { organisationCategories } from "@/lib/booths/schema";
import { saveProfileAction, type FormState } from "../actions";

const input = "mt-1 block w-full rounded border border-slate-400 px-3 py-2";

export function OrganisationForm({ initial }: { initial: Record<string, string> & { listPublicly?: string } }) {
  const t = useTranslations("Partner");
  const [state, action] = useActionState<FormState, FormData>(saveProfileAction, {});
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const describedBy = (name: string, hint?: string) => [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const text = (name: string, label: string, type = "text", autoComplete?: string) => (
    <div>
      <label htmlFor={name} className="font-medium">{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={values[name] ?? ""}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name)}
        className={input}
      />
      <FieldError id={`${name}-error`} message={errors[name]} />
    </div>
  );
  return (
    <form action={action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate key={state.ok ? "saved" : "editing"}>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "rounded border border-green-300 bg-green-50 p-3 text-green-900" : "rounded border border-red-300 bg-red-50 p-3 text-red-900"}>
          {state.message}{" "}
          {state.ok && (
            <Link href="/partner/book" className="font-semibold underline">
              {t("navBook")}
            </Link>
          )}
        </p>
      )}
      {text("name", t("name"), "text", "organization")}
      <div>
        <label htmlFor="category" className="font-medium">{t("category")}</label>
        <select
          id="category"
          name="category"
          defaultValue={values.category ?? ""}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={describedBy("category")}
          className={input}
        >
          <option value="">{t("categoryPlaceholder")}</option>
          {organisationCategories.map((c) => (
            <option key={c} value={c}>{t(`categories.${c}`)}</option>
          ))}
        </select>
        <FieldError id="category-error" message={errors.category} />
      </div>
      {text("contactName", t("contactName"), "text", "name")}
      {text("phone", t("phone"), "tel", "tel")}
      {text("website", t("website"), "text", "url")}
      <div>
        <label htmlFor="description" className="font-medium">{t("description")}</label>
        <p id="description-hint" className="text-sm text-slate-700">{t("descriptionHint")}</p>
        <textarea
          id="description"
          name="description"
          rows={4}
          maxLength={600}
          defaultValue={values.description ?? ""}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy("description", "description-hint")}
          className={input}
        />
        <FieldError id="description-error" message={errors.description} />
      </div>
      <div className="flex items-start gap-2">
        <input id="listPublicly" name="listPublicly" type="checkbox" defaultChecked={values.listPublicly === "on"} className="mt-1 h-5 w-5" />
        <label htmlFor="listPublicly">{t("listPublicly")}</label>
      </div>
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
