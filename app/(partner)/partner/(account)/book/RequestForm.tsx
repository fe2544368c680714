"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { SubmitButton } from "@/app/components/SubmitButton";
import { requestBoothAction, type FormState } from "../actions";

interface Props {
  booth: { id: string; code: string; details: string; available: boolean } | null;
  addons: { id: string; name: string; maxPerBooking: number }[];
  holdHours: number;
}

export function RequestForm({ booth, addons, holdHours }: Props) {
  const t = useTranslations("Partner");
  const [state, action] = useActionState<FormState, FormData>(requestBoothAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-3">
      {state.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      )}
      {!booth ? (
        <p>{t("chooseBooth")}</p>
      ) : !booth.available ? (
        !state.message && <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">{t("notAvailable", { code: booth.code })}</p>
      ) : (
        <form action={action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
          <input type="hidden" name="boothId" value={booth.id} />
          <p className="font-semibold">{t("selected", { code: booth.code })}</p>
          <p>{booth.details}</p>
          <fieldset className="space-y-3">
            <legend className="font-semibold">{t("addons")}</legend>
            {addons.map((addon) => {
              const name = `addon:${addon.id}`;
              const id = `addon-${addon.id}`;
              return (
                <div key={addon.id}>
                  <label htmlFor={id}>{t("addonLabel", { name: addon.name, max: addon.maxPerBooking })}</label>
                  <input
                    id={id}
                    name={name}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={addon.maxPerBooking}
                    step={1}
                    defaultValue={state.values?.[name] ?? "0"}
                    aria-invalid={errors[name] ? true : undefined}
                    aria-describedby={errors[name] ? `${id}-error` : undefined}
                    className="mt-1 block w-24 rounded border border-slate-400 px-3 py-2"
                  />
                  <FieldError id={`${id}-error`} message={errors[name]} />
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
