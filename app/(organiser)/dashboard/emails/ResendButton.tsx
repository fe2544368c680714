"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/app/components/forms/useFormAction";
import { resendAction } from "./actions";

export function ResendButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("Dashboard.emails");
  const form = useFormAction(resendAction);
  if (form.state.message) return <span role="status">{form.state.message}</span>;
  return (
    <form action={form.action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={form.pending} aria-label={label} className="rounded border border-brand-700 px-2 py-1 text-brand-800">
        {t("resend")}
      </button>
    </form>
  );
}
