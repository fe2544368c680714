"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/app/components/forms/useFormAction";
import { checkInAction } from "./actions";

export function SearchResultCheckIn({ walkerId, name }: { walkerId: string; name: string }) {
  const t = useTranslations("Dashboard");
  const form = useFormAction(checkInAction);
  const answer = form.state.message ?? form.error("code");
  if (answer) return <span role="status">{answer}</span>;
  return (
    <form action={form.action}>
      <input type="hidden" name="walkerId" value={walkerId} />
      <input type="hidden" name="method" value="SEARCH" />
      <button type="submit" disabled={form.pending} aria-label={`${t("walker.checkIn")}: ${name}`} className="rounded bg-brand-700 px-3 py-1 text-white">
        {t("walker.checkIn")}
      </button>
    </form>
  );
}
