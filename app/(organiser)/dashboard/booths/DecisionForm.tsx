"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { decideBooking } from "./actions";

export function DecisionForm({ bookingId, label }: { bookingId: string; label: string }) {
  const t = useTranslations("Dashboard.booths");
  // One form per request on the page: its ids end with the booking's.
  const form = useFormAction(decideBooking, { scope: bookingId });
  if (form.state.ok) return <p role="status">{form.state.message}</p>;
  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate className="space-y-2" aria-label={label}>
      <input type="hidden" name="bookingId" value={bookingId} />
      <FormSummary state={form.state} labels={{ reason: t("reason") }} scope={form.scope} />
      <div>
        <label htmlFor={form.id("reason")} className="block text-sm font-medium">
          {t("reason")}
        </label>
        <textarea {...form.field("reason")} rows={2} maxLength={500} className="mt-1 w-full rounded border border-slate-400 px-2 py-1" />
        <FieldError id={`${form.id("reason")}-error`} message={form.error("reason")} />
      </div>
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={form.pending} className="rounded bg-green-800 px-3 py-1 font-semibold text-white">
          {t("approve")}
        </button>
        <button type="submit" name="decision" value="reject" disabled={form.pending} className="rounded bg-red-800 px-3 py-1 font-semibold text-white">
          {t("reject")}
        </button>
      </div>
    </form>
  );
}
