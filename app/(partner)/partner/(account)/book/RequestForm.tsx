"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { SubmitButton } from "@/app/components/SubmitButton";
import { requestBoothAction } from "../actions";

interface Props {
  booth: { id: string; code: string; details: string; available: boolean } | null;
  addons: { id: string; name: string; maxPerBooking: number }[];
  holdHours: number;
}

export function RequestForm({ booth, addons, holdHours }: Props) {
  const t = useTranslations("Partner");
  const form = useFormAction(requestBoothAction);
  const labels = Object.fromEntries(addons.map((addon) => [`addon:${addon.id}`, t("addonLabel", { name: addon.name, max: addon.maxPerBooking })]));
  return (
    <div className="space-y-3">
      <FormSummary state={form.state} labels={labels} />
      {!booth ? (
        <p>{t("chooseBooth")}</p>
      ) : !booth.available ? (
        !form.state.message && <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">{t("notAvailable", { code: booth.code })}</p>
      ) : (
        <form key={form.state.attempt ?? 0} action={form.action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
          <input type="hidden" name="boothId" value={booth.id} />
          <p className="font-semibold">{t("selected", { code: booth.code })}</p>
          <p>{booth.details}</p>
          <fieldset className="space-y-3">
            <legend className="font-semibold">{t("addons")}</legend>
            {addons.map((addon) => {
              const name = `addon:${addon.id}`;
              return (
                <div key={addon.id}>
                  <label htmlFor={form.id(name)}>{labels[name]}</label>
                  <input
                    {...form.field(name, { fallback: "0" })}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={addon.maxPerBooking}
                    step={1}
                    className="mt-1 block w-24 rounded border border-slate-400 px-3 py-2"
                  />
                  <FieldError id={`${form.id(name)}-error`} message={form.error(name)} />
                </div>
              );
            })}
          </fieldset>
          <p className="text-sm text-slate-700">{t("holdNote", { hours: holdHours })}</p>
          <SubmitButton label={t("submit", { code: booth.code })} pendingLabel={t("submitting")} />
        </form>
      )}
    </div>
  );
}
