"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendAction, type ResendState } from "./actions";

export function ResendButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("Dashboard.emails");
  const [state, action, pending] = useActionState<ResendState, FormData>(resendAction, {});
  if (state.message) return <span role="status">{state.message}</span>;
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={label} className="rounded border border-brand-700 px-2 py-1 text-brand-800">
        {t("resend")}
      </button>
    </form>
  );
}
