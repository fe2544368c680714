"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/app/components/forms/useFormAction";
import { revokePassAction } from "./actions";

export function RevokeButton({ passId, label }: { passId: string; label: string }) {
  const t = useTranslations("Dashboard.gate");
  const form = useFormAction(revokePassAction);
  if (form.state.message) return <span role="status">{form.state.message}</span>;
  return (
    <form action={form.action}>
      <input type="hidden" name="passId" value={passId} />
      <button type="submit" disabled={form.pending} aria-label={t("revokeLabel", { label })} className="rounded border border-red-700 px-2 py-1 text-red-800 disabled:opacity-60">
        {t("revoke")}
      </button>
    </form>
  );
}
