"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { WalkerFields } from "@/app/components/WalkerFields";
import { editWalkerAsOrganiserAction, type OrganiserEditState } from "../../actions";

export function OrganiserEditForm(props: { walkerId: string; initial: Record<string, string> }) {
  const t = useTranslations("Dashboard.walker");
  const tRegister = useTranslations("Register");
  const [state, action, pending] = useActionState<OrganiserEditState, FormData>(editWalkerAsOrganiserAction, {});
  const values = state.values ?? props.initial;
  return (
    <form key={state.attempt ?? 0} action={action} noValidate className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <input type="hidden" name="walkerId" value={props.walkerId} />
      {state.message && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {tRegister(`messages.${state.message}`)}
        </p>
      )}
      <WalkerFields prefix="" values={values} errors={state.fieldErrors ?? {}} emailField={{ name: "email", label: tRegister("contactEmail"), required: true }} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white disabled:opacity-70">
          {t("save")}
        </button>
        <Link href={`/dashboard/walkers/${props.walkerId}`} className="text-brand-700 underline">
          {t("cancelEdit")}
        </Link>
      </div>
    </form>
  );
}
