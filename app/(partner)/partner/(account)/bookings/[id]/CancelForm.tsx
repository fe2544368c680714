"use client";

import { useTranslations } from "next-intl";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { SubmitButton } from "@/app/components/SubmitButton";
import { cancelBookingAction } from "../../actions";

export function CancelForm({ bookingId, canCancel }: { bookingId: string; canCancel: boolean }) {
  const t = useTranslations("Partner");
  const form = useFormAction(cancelBookingAction);
  return (
    <div className="space-y-2">
      <FormSummary state={form.state} labels={{}} />
      {canCancel && !form.state.ok && (
        <form action={form.action}>
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
