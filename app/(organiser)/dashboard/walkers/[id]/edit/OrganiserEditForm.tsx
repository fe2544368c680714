"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { useWalkerFieldLabels, WalkerFields } from "@/app/components/WalkerFields";
import { editWalkerAsOrganiserAction } from "../../actions";

export function OrganiserEditForm(props: { walkerId: string; initial: Record<string, string> }) {
  const t = useTranslations("Dashboard.walker");
  const tRegister = useTranslations("Register");
  const form = useFormAction(editWalkerAsOrganiserAction);
  const emailField = { name: "email", label: tRegister("contactEmail"), required: true };
  const labels = useWalkerFieldLabels("", emailField);
  return (
    <form key={form.state.attempt ?? 0} action={form.action} noValidate className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <input type="hidden" name="walkerId" value={props.walkerId} />
      <FormSummary state={form.state} labels={labels} />
      <WalkerFields prefix="" values={form.state.values ?? props.initial} errors={form.state.fieldErrors ?? {}} emailField={emailField} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white disabled:opacity-70">
          {t("save")}
        </button>
        <Link href={`/dashboard/walkers/${props.walkerId}`} className="text-brand-700 underline">
          {t("cancelEdit")}
        </Link>
      </div>
    </form>
  );
}
