"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/components/SubmitButton";
import { cancelBookingAction, type FormState } from "../../actions";

export function CancelForm({ bookingId, canCancel }: { bookingId: string; canCancel: boolean }) {
  const t = useTranslations("Partner");
  const [state, action] = useActionState<FormState, FormData>(cancelBookingAction, {});
  return (
    <div className="space-y-2">
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "rounded border border-green-300 bg-green-50 p-3 text-green-900" : "rounded border border-red-300 bg-red-50 p-3 text-red-900"}>
          {state.message}
        </p>
      )}
      {canCancel && !state.ok && (
        <form action={action}>
          <input type="hidden" name="bookingId" value={bookingId} />
          <SubmitButton
            label={t("cancel")}
            pendingLabel={t("cancelling")}
            className="rounded-lg border border-red-800 px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70"
          />
        </form>
      )}
    </div>
  );
}
