"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import type { FormState } from "@/lib/forms/action";

export type ListNamespace = "Dashboard.programme" | "Dashboard.resources";

export interface FieldSpec {
  name: string;
  type?: "text" | "time" | "tel" | "url" | "textarea";
  /** Its hint's key under `hints` (none: no hint). */
  hint?: string;
  required?: boolean;
  maxLength?: number;
}

/** A row of the form: one field, or a text's English and Spanish side by side. */
export type FieldRow = FieldSpec | [FieldSpec, FieldSpec];

/**
 * One form of an edition's list editor (add or edit an item, the signs to notice): its labels and
 * hints come from the namespace's `labels` and `hints`, each error sits under its field, and the
 * hidden values carry the edition, the item and the content version the page was opened at.
 */
export function ListItemForm({
  action,
  namespace,
  scope,
  hidden,
  rows,
  initial = {},
  submit,
  label,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  namespace: ListNamespace;
  /** Tells this form's ids apart from the other forms' on the page. */
  scope: string;
  hidden: Record<string, string | number>;
  rows: FieldRow[];
  initial?: Record<string, string>;
  /** The submit button's key in the namespace. */
  submit: string;
  /** The form's accessible name. */
  label: string;
}) {
  const t = useTranslations(namespace);
  const form = useFormAction(action, { scope });
  const fields = rows.flatMap((row) => (Array.isArray(row) ? row : [row]));
  const labels = Object.fromEntries(fields.map((field) => [field.name, t(`labels.${field.name}` as never)]));

  const input = (field: FieldSpec) => {
    const error = form.error(field.name);
    const attributes = form.field(field.name, { fallback: initial[field.name], hint: Boolean(field.hint) });
    const className = "mt-1 block w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";
    return (
      <div key={field.name}>
        <label htmlFor={attributes.id} className="block font-medium">
          {labels[field.name]}
        </label>
        {field.type === "textarea" ? (
          <textarea {...attributes} rows={6} maxLength={field.maxLength} className={`${className} whitespace-pre-line`} />
        ) : (
          <input {...attributes} type={field.type ?? "text"} required={field.required} maxLength={field.maxLength} className={className} />
        )}
        {error ? (
          <FieldError id={`${attributes.id}-error`} message={error} />
        ) : (
          field.hint && (
            <p id={`${attributes.id}-hint`} className="mt-1 text-sm text-slate-700">
              {t(`hints.${field.hint}` as never)}
            </p>
          )
        )}
      </div>
    );
  };

  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate aria-label={label} className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormSummary state={form.state} labels={labels} scope={form.scope} />
      {rows.map((row, index) =>
        Array.isArray(row) ? (
          <div key={index} className="grid gap-4 sm:grid-cols-2">
            {row.map(input)}
          </div>
        ) : (
          input(row)
        ),
      )}
      <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t(submit as never)}
      </button>
    </form>
  );
}
