"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { decideBooking, type DecisionState } from "./actions";

export function DecisionForm({ bookingId, label }: { bookingId: string; label: string }) {
  const t = useTranslations("Dashboard.booths");
  const [state, action, pending] = useActionState<DecisionState, FormData>(decideBooking, { ok: false });
  const reasonId = `reason-${bookingId}`;
  const errorId = `reason-error-${bookingId}`;
  if (state.ok) return <p role="status">{state.message}</p>;
  return (
    <form action={action} className="space-y-2" aria-label={label}>
      <input type="hidden" name="bookingId" value={bookingId} />
      {state.message && <p role="status" className="text-red-800">{state.message}</p>}
      <div>
        <label htmlFor={reasonId} className="block text-sm font-medium">
          {t("reason")}
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          maxLength={500}
          aria-invalid={state.fieldError ? true : undefined}
          aria-describedby={state.fieldError ? errorId : undefined}
          className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
        />
        {state.fieldError && (
          <p id={errorId} className="text-sm text-red-800">
            {state.fieldError}
          </p>
        )}
      </div>
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className="rounded bg-green-800 px-3 py-1 font-semibold text-white">
          {t("approve")}
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} className="rounded bg-red-800 px-3 py-1 font-semibold text-white">
          {t("reject")}
        </button>
      </div>
    </form>
  );
}
