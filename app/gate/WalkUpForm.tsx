"use client";
// A walk-up, registered at the gate: queued on the phone with its own id and admitted at once. The
// server checks everything again when it arrives (and may refuse it, e.g. the walk-up places are gone).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { queueWalkUp } from "@/lib/gate-phone/store";
import type { WalkUpDetails } from "@/lib/gate-phone/types";
import { AGE_BANDS, isMinor, TSHIRT_SIZES } from "@/lib/walkers/categories";

type Field = "firstName" | "lastName" | "ageBand" | "emergencyContactName" | "emergencyContactPhone" | "guardianName" | "guardianConsent" | "waiverAccepted" | "privacyAccepted";
type Errors = Partial<Record<Field, string>>;

const input = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";

export function WalkUpForm({ onAdmitted }: { onAdmitted: (name: string) => void }) {
  const t = useTranslations("Gate.walkUp");
  const tr = useTranslations("Register");
  const [errors, setErrors] = useState<Errors>({});
  const [ageBand, setAgeBand] = useState("");
  const minor = isMinor(ageBand);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const found: Errors = {};
    for (const name of ["firstName", "lastName", "ageBand", "emergencyContactName", "emergencyContactPhone"] as const) if (!text(name)) found[name] = t("required");
    if (minor && !text("guardianName")) found.guardianName = t("guardianRequired");
    if (minor && data.get("guardianConsent") !== "on") found.guardianConsent = t("guardianRequired");
    if (data.get("waiverAccepted") !== "on") found.waiverAccepted = t("waiverRequired");
    if (data.get("privacyAccepted") !== "on") found.privacyAccepted = t("privacyRequired");
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const walker: WalkUpDetails = {
      firstName: text("firstName"),
      lastName: text("lastName"),
      ageBand: text("ageBand"),
      tshirtSize: text("tshirtSize") || null,
      emergencyContactName: text("emergencyContactName"),
      emergencyContactPhone: text("emergencyContactPhone"),
      guardianName: minor ? text("guardianName") : null,
      guardianConsent: minor,
      waiverAccepted: true,
      privacyAccepted: true,
    };
    await queueWalkUp(walker);
    form.reset();
    setAgeBand("");
    onAdmitted(`${walker.firstName} ${walker.lastName}`);
  };

  const described = (name: Field, hint?: boolean) =>
    [hint ? `walkup-${name}-hint` : null, errors[name] ? `walkup-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const error = (name: Field) =>
    errors[name] ? (
      <p id={`walkup-${name}-error`} className="mt-1 text-sm font-medium text-red-700">
        {errors[name]}
      </p>
    ) : null;
  const textField = (name: Field, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <div>
      <label htmlFor={`walkup-${name}`} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`walkup-${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <input id={`walkup-${name}`} name={name} className={input} aria-invalid={errors[name] ? true : undefined} aria-describedby={described(name, !!hint)} {...props} />
      {error(name)}
    </div>
  );
  const checkbox = (name: Field, label: string) => (
    <div>
      <label className="flex items-start gap-2">
        <input type="checkbox" name={name} className="mt-1 size-5" aria-invalid={errors[name] ? true : undefined} aria-describedby={described(name)} />
        <span>{label}</span>
      </label>
      {error(name)}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-describedby="walkup-help">
      <p id="walkup-help" className="text-sm text-slate-700">
        {t("help")}
      </p>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-2 font-medium text-red-800">
          {t("fix")}
        </p>
      )}
      {textField("firstName", t("firstName"), { autoComplete: "off" })}
      {textField("lastName", t("lastName"), { autoComplete: "off" })}
      <div>
        <label htmlFor="walkup-ageBand" className="block font-medium">
          {t("ageBand")}
        </label>
        <select
          id="walkup-ageBand"
          name="ageBand"
          value={ageBand}
          onChange={(e) => setAgeBand(e.target.value)}
          className={input}
          aria-invalid={errors.ageBand ? true : undefined}
          aria-describedby={described("ageBand")}
        >
          <option value="">{t("choose")}</option>
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {tr(`ageBands.${band}`)}
            </option>
          ))}
        </select>
        {error("ageBand")}
      </div>
      <div>
        <label htmlFor="walkup-tshirtSize" className="block font-medium">
          {t("tshirt")}
        </label>
        <select id="walkup-tshirtSize" name="tshirtSize" defaultValue="" className={input}>
          <option value="">{tr("tshirtSizes.none")}</option>
          {TSHIRT_SIZES.map((size) => (
            <option key={size} value={size}>
              {tr(`tshirtSizes.${size}`)}
            </option>
          ))}
        </select>
      </div>
      {textField("emergencyContactName", t("emergencyContactName"), { autoComplete: "off" })}
      {textField("emergencyContactPhone", t("emergencyContactPhone"), { type: "tel", autoComplete: "off", inputMode: "tel" }, t("phoneHint"))}
      {minor && (
        <>
          {textField("guardianName", t("guardianName"), { autoComplete: "off" })}
          {checkbox("guardianConsent", t("guardianConsent"))}
        </>
      )}
      {checkbox("waiverAccepted", t("waiver"))}
      {checkbox("privacyAccepted", t("privacy"))}
      <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-3 font-semibold text-white">
        {t("submit")}
      </button>
    </form>
  );
}
