"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { publishEditionAction, startNextEditionAction } from "./actions";

/** "Start next year's walk": the new walk's day; everything else is copied from `sourceId`. */
export function StartNextForm({ sourceId, suggestedDate }: { sourceId: string; suggestedDate: string }) {
  const t = useTranslations("Dashboard.edition");
  const form = useFormAction(startNextEditionAction, { scope: "next" });
  const error = form.error("walkDate");
  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate className="max-w-xl space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="text-lg font-semibold">{t("startNext")}</h2>
      <p className="text-sm">{t("startNextHelp")}</p>
      <FormSummary state={form.state} labels={{ walkDate: t("walkDate") }} scope="next" />
      <input type="hidden" name="sourceId" value={sourceId} />
      <div>
        <label htmlFor={form.id("walkDate")} className="block font-medium">{t("walkDate")}</label>
        <input {...form.field("walkDate", { fallback: suggestedDate, hint: true })} type="date" required className="mt-1 block rounded border border-slate-400 px-3 py-2" />
        {error ? <FieldError id={`${form.id("walkDate")}-error`} message={error} /> : <p id={`${form.id("walkDate")}-hint`} className="mt-1 text-sm text-slate-700">{t("walkDateHint")}</p>}
      </div>
      <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("startNextButton")}
      </button>
    </form>
  );
}

/** Publishing a draft: it becomes the walk the public pages show. */
export function PublishForm({ editionId }: { editionId: string }) {
  const t = useTranslations("Dashboard.edition");
  const form = useFormAction(publishEditionAction, { scope: "publish" });
  return (
    <form action={form.action} className="max-w-xl space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <FormSummary state={form.state} labels={{}} scope="publish" />
      <p className="text-sm">{t("publishHelp")}</p>
      <input type="hidden" name="editionId" value={editionId} />
      <button type="submit" disabled={form.pending || form.state.ok} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("publish")}
      </button>
    </form>
  );
}
