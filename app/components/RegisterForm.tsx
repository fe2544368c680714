import { useTranslations } from "next-intl";
import { CheckboxField, FieldError, SelectField } from "@/app/components/FormField";
import { WalkerFields } from "@/app/components/WalkerFields";
import type { RegisterState } from "@/lib/registrations/submit";

/**
 * The sign-up form: plain HTML, posted to /api/register/submit, the same with JavaScript on or off
 * (the page loads none of its own). `state` is the last unsuccessful attempt, shown again with
 * its errors and everything that was typed.
 */
export function RegisterForm(props: {
  state: RegisterState | null;
  submissionKey: string;
  walkerCount: number;
  waiverVersion: string;
  /** The walk's saved waiver in the page's language; null: the built-in one (Register.waiverText). */
  waiverText: string | null;
  /** The privacy notice's version the form shows (privacyVersionOf, lib/privacy/notice.ts); the sign-up refuses another. */
  privacyVersion: string;
  /** The walk's retention period, in days after it ends. */
  retentionDays: number;
  full: boolean;
  defaultLanguage: "EN" | "ES";
}) {
  const t = useTranslations("Register");
  const tLanguage = useTranslations("Language");
  const tErrors = useTranslations("Register.errors");
  const state = props.state ?? {};
  const values = state.values ?? {};
  // The sign-up's errors are message keys (lib/registrations/schema.ts); its fields show sentences.
  const errors = Object.fromEntries(
    Object.entries(state.fieldErrors ?? {}).map(([name, key]) => [name, tErrors.has(key) ? tErrors(key) : tErrors("required")]),
  );
  const errorCount = Object.keys(errors).length;
  const waiverVersion = values.waiverVersion ?? props.waiverVersion;
  const privacyVersion = values.privacyVersion ?? props.privacyVersion;

  return (
    <form method="post" action="/api/register/submit" noValidate className="space-y-6" aria-describedby={errorCount || state.message ? "form-summary" : undefined}>
      <input type="hidden" name="submissionKey" value={values.submissionKey ?? props.submissionKey} />
      <input type="hidden" name="waiverVersion" value={waiverVersion} />
      <input type="hidden" name="privacyVersion" value={privacyVersion} />
      {props.full && <input type="hidden" name="joinWaitingList" value="1" />}
      {/* Honeypot: hidden from people and assistive technology; bots fill it in. */}
      <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor="website">{t("honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div id="form-summary" tabIndex={-1} className="outline-none">
        {errorCount > 0 && (
          <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
            {t("errorSummary", { count: errorCount })}
          </p>
        )}
        {state.message && (
          <div role="alert" className="space-y-3 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
            <p className="font-medium">{t(`messages.${state.message}`, state.messageValues ?? {})}</p>
            {state.message === "alreadyRegistered" && (
              <a href="/lost-link" className="font-semibold underline">
                {t("messages.lostLink")}
              </a>
            )}
            {state.message === "groupDoesNotFit" && (
              <button
                type="submit"
                name="joinWaitingList"
                value="1"
                className="rounded-lg bg-accent-600 px-4 py-2 font-semibold text-white"
              >
                {t("joinTogether")}
              </button>
            )}
          </div>
        )}
      </div>

      {Array.from({ length: props.walkerCount }, (_, index) => (
        <fieldset key={index} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <legend className="text-xl font-semibold text-brand-800">{t("walkerHeading", { number: index + 1 })}</legend>
          {index === 0 && <p className="text-sm text-slate-700">{t("leaderHint")}</p>}
          <WalkerFields
            prefix={`walkers.${index}.`}
            values={values}
            errors={errors}
            emailField={
              index === 0
                ? { name: "contactEmail", label: t("contactEmail"), required: true }
                : { name: `walkers.${index}.email`, label: t("email"), hint: t("emailHint") }
            }
          />
        </fieldset>
      ))}

      <div className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
        <SelectField
          name="language"
          label={t("language")}
          defaultValue={values.language ?? props.defaultLanguage}
          error={errors.language}
          options={[
            { value: "EN", label: tLanguage("en") },
            { value: "ES", label: tLanguage("es") },
          ]}
        />
        <section aria-labelledby="waiver-heading" className="space-y-2">
          <h2 id="waiver-heading" className="text-lg font-semibold">
            {t("waiverHeading")}
          </h2>
          <p data-testid="waiver-text" className="whitespace-pre-line rounded-md bg-slate-100 p-3 text-sm">{props.waiverText ?? t("waiverText")}</p>
          <CheckboxField
            name="waiverAccepted"
            label={t("waiverAccept", { version: waiverVersion })}
            defaultChecked={values.waiverAccepted === "on"}
            error={errors.waiverAccepted}
            required
          />
        </section>
        <section aria-labelledby="privacy-heading" className="space-y-2">
          <h2 id="privacy-heading" className="text-lg font-semibold">
            {t("privacyHeading")}
          </h2>
          <p className="rounded-md bg-slate-100 p-3 text-sm">
            {t("privacyText", { days: props.retentionDays })}{" "}
            <a href="/privacy" className="text-brand-700 underline">
              {t("privacyLink")}
            </a>
          </p>
          <CheckboxField
            name="privacyAccepted"
            label={t("privacyAccept", { version: privacyVersion })}
            defaultChecked={values.privacyAccepted === "on"}
            error={errors.privacyAccepted}
            required
          />
        </section>
        {["form", "walkers", "submissionKey", "website"].map((key) => (
          <FieldError key={key} id={`form-${key}`} error={errors[key]} />
        ))}
      </div>

      <button type="submit" className="rounded-lg bg-accent-600 px-6 py-3 text-lg font-semibold text-white hover:bg-red-800">
        {props.full ? t("submitWaiting") : t("submit")}
      </button>
    </form>
  );
}
