"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/app/components/FormField";
import { lostLinkAction, type LostLinkState } from "./actions";

export function LostLinkForm() {
  const t = useTranslations("LostLink");
  const tRegister = useTranslations("Register");
  const [state, action, pending] = useActionState<LostLinkState, FormData>(lostLinkAction, {});
  if (state.sent)
    return (
      <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 font-medium text-green-900">
        {t("sent")}
      </p>
    );
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      {state.message && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {tRegister("messages.rateLimited", { minutes: state.minutes ?? 10 })}
        </p>
      )}
      <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor="website">{tRegister("honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <TextField name="email" label={t("email")} type="email" autoComplete="email" required defaultValue={state.email} error={state.error} />
      <button type="submit" disabled={pending} className="rounded-lg bg-accent-600 px-5 py-2 font-semibold text-white disabled:opacity-70">
        {t("submit")}
      </button>
    </form>
  );
}
