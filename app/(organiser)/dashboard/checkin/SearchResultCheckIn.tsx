"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { checkInAction, type CheckInState } from "./actions";

const initial: CheckInState = { ok: false, kind: "idle", message: "" };

export function SearchResultCheckIn({ walkerId, name }: { walkerId: string; name: string }) {
  const t = useTranslations("Dashboard");
  const [state, action, pending] = useActionState(checkInAction, initial);
  if (state.kind !== "idle") return <span role="status">{state.message}</span>;
  return (
    <form action={action}>
      <input type="hidden" name="walkerId" value={walkerId} />
      <input type="hidden" name="method" value="SEARCH" />
      <button type="submit" disabled={pending} aria-label={`${t("walker.checkIn")}: ${name}`} className="rounded bg-brand-700 px-3 py-1 text-white">
        {t("walker.checkIn")}
      </button>
    </form>
  );
}
