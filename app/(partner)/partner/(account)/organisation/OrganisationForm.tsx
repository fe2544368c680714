"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { SubmitButton } from "@/app/components/SubmitButton";
import { organisationCategories } from "@/lib/booths/schema";
import { saveProfileAction } from "../actions";

const input = "mt-1 block w-full rounded border border-slate-400 px-3 py-2";

export function OrganisationForm({ initial }: { initial: Record<string, string> & { listPublicly?: string } }) {
  const t = useTranslations("Partner");
  const form = useFormAction(saveProfileAction);
  const values = form.state.values ?? initial;
  const labels = { name: t("name"), category: t("category"), contactName: t("contactName"), phone: t("phone"), website: t("website"), description: t("description") };
  const field = (name: string, hint?: boolean) => form.field(name, { fallback: initial[name], hint });
  const text = (name: keyof typeof labels, type = "text", autoComplete?: string) => (
    <div>
      <label htmlFor={name} className="font-medium">{labels[name]}</label>
      <input {...field(name)} type={type} autoComplete={autoComplete} className={input} />
      <FieldError id={`${name}-error`} message={form.error(name)} />
    </div>
  );
  return (
    <form key={form.state.attempt ?? 0} action={form.action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      <FormSummary state={form.state} labels={labels}>
        <Link href="/partner/book" className="font-semibold underline">
          {t("navBook")}
        </Link>
      </FormSummary>
      {text("name", "text", "organization")}
      <div>
        <label htmlFor="category" className="font-medium">{labels.category}</label>
        <select {...field("category")} className={input}>
          <option value="">{t("categoryPlaceholder")}</option>
          {organisationCategories.map((c) => (
            <option key={c} value={c}>{t(`categories.${c}`)}</option>
          ))}
        </select>
        <FieldError id="category-error" message={form.error("category")} />
      </div>
      {text("contactName", "text", "name")}
      {text("phone", "tel", "tel")}
      {text("website", "text", "url")}
      <div>
        <label htmlFor="description" className="font-medium">{labels.description}</label>
        <p id="description-hint" className="text-sm text-slate-700">{t("descriptionHint")}</p>
        <textarea
          {...field("description", true)}
          aria-describedby={form.error("description") ? "description-hint description-error" : "description-hint"}
          rows={4}
          maxLength={600}
          className={input}
        />
        <FieldError id="description-error" message={form.error("description")} />
      </div>
      <div className="flex items-start gap-2">
        <input id="listPublicly" name="listPublicly" type="checkbox" defaultChecked={values.listPublicly === "on"} className="mt-1 h-5 w-5" />
        <label htmlFor="listPublicly">{t("listPublicly")}</label>
      </div>
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
