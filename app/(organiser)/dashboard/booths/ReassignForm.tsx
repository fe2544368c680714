"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { reassignAction } from "./actions";

export function ReassignForm({ bookingId, label, freeBooths }: { bookingId: string; label: string; freeBooths: string[] }) {
  const t = useTranslations("Dashboard.booths");
  // One form per booking on the page: its ids end with the booking's.
  const form = useFormAction(reassignAction, { scope: `move-${bookingId}` });
  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate className="space-y-2" aria-label={label}>
      <FormSummary state={form.state} labels={{ boothCode: t("moveTo") }} scope={form.scope} />
      <input type="hidden" name="bookingId" value={bookingId} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={form.id("boothCode")} className="block text-xs font-medium">
            {t("moveTo")}
          </label>
          <select {...form.field("boothCode")} className="rounded border border-slate-400 px-2 py-1 text-sm">
            <option value="">—</option>
            {freeBooths.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={form.pending} className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-800">
          {t("move")}
        </button>
      </div>
      <FieldError id={`${form.id("boothCode")}-error`} message={form.error("boothCode")} />
    </form>
  );
}
