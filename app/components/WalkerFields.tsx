import { useTranslations } from "next-intl";
import { AGE_BANDS, TSHIRT_SIZES } from "@/lib/walkers/categories";
import { CheckboxField, SelectField, TextField } from "./FormField";

/** The walker inputs that have a label of their own, each named as its Register message. */
const LABELLED = [
  "firstName",
  "lastName",
  "phone",
  "ageBand",
  "tshirtSize",
  "emergencyContactName",
  "emergencyContactPhone",
  "accessibilityNeeds",
  "photoConsent",
  "guardianName",
  "guardianConsent",
] as const;

/** The labels of one walker's inputs by input name, for a form's summary of errors. */
export function useWalkerFieldLabels(prefix: string, emailField: { name: string; label: string }): Record<string, string> {
  const t = useTranslations("Register");
  return { ...Object.fromEntries(LABELLED.map((field) => [`${prefix}${field}`, t(field)])), [emailField.name]: emailField.label };
}

/**
 * One walker's inputs, named `${prefix}firstName` etc. `emailField` is the contact's email
 * (walker 1), an optional own address (other walkers), or the walker's email on the edit form.
 * `values` is what was typed (or is stored); `errors` are sentences, both keyed by input name.
 */
export function WalkerFields(props: {
  prefix: string;
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  emailField: { name: string; label: string; hint?: string; required?: boolean };
}) {
  const t = useTranslations("Register");
  const { prefix, values, errors } = props;
  const v = (field: string) => values[`${prefix}${field}`];
  const e = (field: string) => errors[`${prefix}${field}`];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField name={`${prefix}firstName`} label={t("firstName")} defaultValue={v("firstName")} error={e("firstName")} autoComplete="off" required />
      <TextField name={`${prefix}lastName`} label={t("lastName")} defaultValue={v("lastName")} error={e("lastName")} autoComplete="off" required />
      <TextField
        name={props.emailField.name}
        label={props.emailField.label}
        hint={props.emailField.hint}
        type="email"
        defaultValue={values[props.emailField.name]}
        error={errors[props.emailField.name]}
        required={props.emailField.required}
      />
      <TextField name={`${prefix}phone`} label={t("phone")} hint={t("phoneHint")} type="tel" defaultValue={v("phone")} error={e("phone")} />
      <SelectField
        name={`${prefix}ageBand`}
        label={t("ageBand")}
        required
        defaultValue={v("ageBand")}
        error={e("ageBand")}
        options={[{ value: "", label: t("choose") }, ...AGE_BANDS.map((band) => ({ value: band, label: t(`ageBands.${band}`) }))]}
      />
      <SelectField
        name={`${prefix}tshirtSize`}
        label={t("tshirtSize")}
        defaultValue={v("tshirtSize")}
        error={e("tshirtSize")}
        options={[{ value: "", label: t("tshirtSizes.none") }, ...TSHIRT_SIZES.map((size) => ({ value: size, label: t(`tshirtSizes.${size}`) }))]}
      />
      <TextField name={`${prefix}emergencyContactName`} label={t("emergencyContactName")} defaultValue={v("emergencyContactName")} error={e("emergencyContactName")} required />
      <TextField
        name={`${prefix}emergencyContactPhone`}
        label={t("emergencyContactPhone")}
        hint={t("phoneHint")}
        type="tel"
        defaultValue={v("emergencyContactPhone")}
        error={e("emergencyContactPhone")}
        required
      />
      <div className="sm:col-span-2">
        <TextField
          name={`${prefix}accessibilityNeeds`}
          label={t("accessibilityNeeds")}
          hint={t("accessibilityHint")}
          multiline
          defaultValue={v("accessibilityNeeds")}
          error={e("accessibilityNeeds")}
        />
      </div>
      <div className="sm:col-span-2">
        <CheckboxField name={`${prefix}photoConsent`} label={t("photoConsent")} defaultChecked={v("photoConsent") === "on"} />
      </div>
      <fieldset className="rounded-md border border-slate-300 p-3 sm:col-span-2">
        <legend className="px-1 font-medium">{t("guardianHeading")}</legend>
        <div className="grid gap-3">
          <TextField name={`${prefix}guardianName`} label={t("guardianName")} defaultValue={v("guardianName")} error={e("guardianName")} />
          <CheckboxField
            name={`${prefix}guardianConsent`}
            label={t("guardianConsent")}
            defaultChecked={v("guardianConsent") === "on"}
            error={e("guardianConsent")}
          />
        </div>
      </fieldset>
    </div>
  );
}
