"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/app/components/forms/useFormAction";
import { revokePassAction } from "./actions";

/**
 * The pass's revoke button, or when it was revoked (`revoked`). Rendered in both states, so the
 * sentence answering a revoke stays once the page re-renders with the pass revoked.
 */
export function RevokeButton({ passId, label, revoked }: { passId: string; label: string; revoked?: string }) {
  const t = useTranslations("Dashboard.gate");
  const form = useFormAction(revokePassAction);
  if (form.state.message || revoked) {
    return (
      <span>
        {form.state.message && <span role="status" className="block">{form.state.message}</span>}
        {revoked}
      </span>
    );
  }
  return (
    <form action={form.action}>
      <input type="hidden" name="passId" value={passId} />
      <button type="submit" disabled={form.pending} aria-label={t("revokeLabel", { label })} className="rounded border border-red-700 px-2 py-1 text-red-800 disabled:opacity-60">
        {t("revoke")}
      </button>
    </form>
  );
}
