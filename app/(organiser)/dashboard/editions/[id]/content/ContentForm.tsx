"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { BILINGUAL_FIELDS, CONTENT_LIMITS, contentKey, MULTILINE_FIELDS, type ContentKey, type ContentLanguage } from "@/lib/events/content-rules";
import type { FormState } from "@/lib/forms/action";

type Name = ContentKey | "mapUrl" | "contactEmail";

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

/**
 * Each text a row: its English and Spanish inputs side by side (stacked on a phone), each labelled
 * with its language. Plain text; the description, meeting point and what to bring keep line breaks.
 */
export function ContentForm({
  action,
  initial,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  initial: Record<Name | "version", string>;
}) {
  const t = useTranslations("Dashboard.content");
  const form = useFormAction(action);
  const labels: Record<string, string> = Object.fromEntries(
    [...BILINGUAL_FIELDS.flatMap((f) => [contentKey(f, "en"), contentKey(f, "es")]), "mapUrl", "contactEmail", "version"].map((name) => [name, t(`labels.${name}`)]),
  );

  const field = (name: Name, options: { lang?: ContentLanguage; multiline?: boolean; max: number; type?: string; hint?: boolean }) => {
    const error = form.error(name);
    const attributes = { ...form.field(name, { fallback: initial[name], hint: options.hint }), lang: options.lang, maxLength: options.max, className: inputClass };
    return (
      <div key={name}>
        <label htmlFor={attributes.id} className="block font-medium">
          {labels[name]}
        </label>
        {options.multiline ? <textarea {...attributes} rows={4} /> : <input {...attributes} type={options.type ?? "text"} />}
        {error ? (
          <FieldError id={`${attributes.id}-error`} message={error} />
        ) : (
          options.hint && (
            <p id={`${attributes.id}-hint`} className="mt-1 text-sm text-slate-700">
              {t(`hints.${name}`)}
            </p>
          )
        )}
      </div>
    );
  };

  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate className="space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <FormSummary state={form.state} labels={labels} />
      <input type="hidden" name="version" defaultValue={form.state.values?.version ?? initial.version} />
      {BILINGUAL_FIELDS.map((f) => (
        <div key={f} className="grid gap-4 border-b border-slate-200 pb-4 sm:grid-cols-2">
          {(["en", "es"] as const).map((lang) =>
            field(contentKey(f, lang), { lang, multiline: MULTILINE_FIELDS.includes(f), max: CONTENT_LIMITS[f] }),
          )}
        </div>
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("mapUrl", { type: "url", max: 1000, hint: true })}
        {field("contactEmail", { type: "email", max: 254, hint: true })}
      </div>
      <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
