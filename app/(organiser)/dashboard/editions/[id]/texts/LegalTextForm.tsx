"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { saveLegalTextAction } from "./actions";

const bodies = [
  ["bodyEn", "en"],
  ["bodyEs", "es"],
] as const;

/**
 * A new version of the waiver or the privacy notice: both languages side by side, starting from the
 * current text. The form carries the version it was opened at; a save over someone else's is refused.
 */
export function LegalTextForm(props: {
  eventId: string;
  kind: "WAIVER" | "PRIVACY";
  openedAt: string;
  initial: { bodyEn: string; bodyEs: string };
  max: number;
}) {
  const t = useTranslations("Dashboard.texts");
  const scope = props.kind.toLowerCase();
  const form = useFormAction(saveLegalTextAction, { scope });
  const kind = t(`kinds.${props.kind}`);
  const labels = { bodyEn: t("labels.bodyEn", { kind }), bodyEs: t("labels.bodyEs", { kind }) };
  // After a save, the version it made (the page's own props follow once it re-renders).
  const openedAt = (form.state.ok && form.state.result?.version) || props.openedAt;
  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate className="space-y-4">
      <FormSummary state={form.state} labels={labels} scope={scope} />
      <input type="hidden" name="eventId" value={props.eventId} />
      <input type="hidden" name="kind" value={props.kind} />
      <input type="hidden" name="openedAt" value={openedAt} />
      <div className="grid gap-4 lg:grid-cols-2">
        {bodies.map(([name, lang]) => {
          const error = form.error(name);
          return (
            <div key={name}>
              <label htmlFor={form.id(name)} className="block font-medium">
                {labels[name]}
              </label>
              <textarea
                {...form.field(name, { fallback: props.initial[name], hint: true })}
                // The limit stays in view with an error (a text too long is told to keep to it).
                aria-describedby={error ? `${form.id(name)}-error ${form.id(name)}-hint` : `${form.id(name)}-hint`}
                lang={lang}
                rows={14}
                required
                className="mt-1 block w-full rounded border border-slate-400 px-3 py-2 text-sm"
              />
              <FieldError id={`${form.id(name)}-error`} message={error} />
              <p id={`${form.id(name)}-hint`} className="mt-1 text-sm text-slate-700">
                {t("hint", { max: props.max })}
              </p>
            </div>
          );
        })}
      </div>
      <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t(`save.${props.kind}`)}
      </button>
    </form>
  );
}
