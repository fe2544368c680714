"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { saveSettingsAction } from "./actions";

const fields = [
  ["capacity", "number"],
  ["startsAt", "datetime-local"],
  ["endsAt", "datetime-local"],
  ["registrationOpensAt", "datetime-local"],
  ["registrationClosesAt", "datetime-local"],
  ["boothHoldHours", "number"],
  ["walkUpPlaces", "number"],
  ["retentionDays", "number"],
  ["contactEmail", "email"],
] as const;

/** Organisers see how long personal data is kept; only an admin changes it. */
export function SettingsForm({ eventId, initial, isAdmin }: { eventId: string; initial: Record<(typeof fields)[number][0], string>; isAdmin: boolean }) {
  const t = useTranslations("Dashboard.settings");
  const checkFields = useTranslations("Forms")("checkFields");
  const form = useFormAction(saveSettingsAction);
  const labels = Object.fromEntries(fields.map(([name]) => [name, t(`labels.${name}`)]));
  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate className="max-w-xl space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <FormSummary state={form.state} title={checkFields} labels={labels} />
      <input type="hidden" name="eventId" value={eventId} />
      {fields.map(([name, type]) => {
        const error = form.error(name);
        return (
          <div key={name}>
            <label htmlFor={name} className="block font-medium">
              {labels[name]}
            </label>
            <input
              {...form.field(name, { fallback: initial[name], hint: true })}
              type={type}
              required={name !== "contactEmail"}
              readOnly={name === "retentionDays" && !isAdmin}
              className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
            />
            {error ? (
              <FieldError id={`${name}-error`} message={error} />
            ) : (
              <p id={`${name}-hint`} className="mt-1 text-sm text-slate-700">
                {name === "retentionDays" && !isAdmin ? t("hints.retentionDaysAdminOnly") : t(`hints.${name}`)}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
