"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { reassignAction, type ReassignState } from "./actions";

export function ReassignForm({ bookingId, label, freeBooths }: { bookingId: string; label: string; freeBooths: string[] }) {
  const t = useTranslations("Dashboard.booths");
  const [state, action, pending] = useActionState<ReassignState, FormData>(reassignAction, {});
  const id = `move-${bookingId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={label}>
      <input type="hidden" name="bookingId" value={bookingId} />
      <div>
        <label htmlFor={id} className="block text-xs font-medium">
          {t("moveTo")}
        </label>
        <select id={id} name="boothCode" defaultValue="" className="rounded border border-slate-400 px-2 py-1 text-sm">
          <option value="">—</option>
          {freeBooths.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-800">
        {t("move")}
      </button>
      {state.message && (
        <span role="status" className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {state.message}
        </span>
      )}
    </form>
  );
}
