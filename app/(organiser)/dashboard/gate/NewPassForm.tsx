"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { createPassAction } from "./actions";

/** Makes a gate pass; its link and QR code are shown once, here. */
export function NewPassForm({ defaults }: { defaults: { opensAt: string; closesAt: string } }) {
  const t = useTranslations("Dashboard.gate");
  const form = useFormAction(createPassAction);
  const created = form.state.result;
  const labels = { label: t("labels.label"), opensAt: t("labels.opensAt"), closesAt: t("labels.closesAt") };
  return (
    <div className="space-y-4">
      {created && (
        <section aria-labelledby="new-pass-heading" className="space-y-3 rounded-lg border border-green-700 bg-green-50 p-4">
          <h3 id="new-pass-heading" className="text-lg font-semibold">
            {t("created", { label: created.label ?? "" })}
          </h3>
          <p role="status">{t("shownOnce")}</p>
          <p>
            <label htmlFor="new-pass-link" className="block font-medium">
              {t("link")}
            </label>
            <input id="new-pass-link" readOnly value={created.link} className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 font-mono text-sm" />
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
          <img src={created.qr} alt={t("qrAlt", { label: created.label ?? "" })} width={240} height={240} className="rounded bg-white p-2" />
        </section>
      )}
      <form key={form.state.attempt ?? 0} action={form.action} noValidate className="max-w-xl space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold">{t("new")}</h2>
        {!created && <FormSummary state={form.state} labels={labels} />}
        {(["label", "opensAt", "closesAt"] as const).map((name) => {
          const error = form.error(name);
          return (
            <div key={name}>
              <label htmlFor={form.id(name)} className="block font-medium">
                {labels[name]}
              </label>
              <input
                {...form.field(name, { fallback: name === "label" ? "" : defaults[name], hint: true })}
                type={name === "label" ? "text" : "datetime-local"}
                required
                maxLength={name === "label" ? 80 : undefined}
                className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
              />
              {error ? (
                <FieldError id={`${form.id(name)}-error`} message={error} />
              ) : (
                <p id={`${form.id(name)}-hint`} className="mt-1 text-sm text-slate-700">
                  {t(`hints.${name}`)}
                </p>
              )}
            </div>
          );
        })}
        <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("create")}
        </button>
      </form>
    </div>
  );
}
