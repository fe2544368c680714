"use client";

import { useTranslations } from "next-intl";
import { partnerRequestLink } from "@/app/actions/auth";
import { EmailField } from "@/app/components/forms/EmailField";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { SubmitButton } from "@/app/components/SubmitButton";

export function PartnerLoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("Auth");
  const checkFields = useTranslations("Forms")("checkFields");
  const form = useFormAction(partnerRequestLink);
  return (
    <form key={form.state.attempt ?? 0} action={form.action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      <FormSummary state={form.state} title={checkFields} labels={{ email: t("email") }} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField form={form} label={t("email")} autoComplete="email" />
      <SubmitButton label={t("sendLink")} pendingLabel={t("sending")} />
    </form>
  );
}
