// The inputs of the walker forms (the sign-up, and the edit forms of walkers and organisers): each
// takes its error as a sentence, keyed in the form's answer by the field's name (FormState.fieldErrors).
import { fieldId } from "@/lib/forms/fields";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";

/** A field's error, a sentence in the page's language, as `${id}-error`. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  multiline?: boolean;
}) {
  const id = fieldId(props.name);
  const common = {
    id,
    name: props.name,
    defaultValue: props.defaultValue ?? "",
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(id, props.hint, props.error),
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {props.label}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={3} maxLength={500} />
      ) : (
        <input {...common} type={props.type ?? "text"} required={props.required} autoComplete={props.autoComplete} />
      )}
      <FieldError id={id} error={props.error} />
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  error?: string;
  defaultValue?: string;
  required?: boolean;
}) {
  const id = fieldId(props.name);
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, undefined, props.error)}
        className={inputClass}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={props.error} />
    </div>
  );
}

export function CheckboxField(props: { name: string; label: string; error?: string; defaultChecked?: boolean; required?: boolean }) {
  const id = fieldId(props.name);
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={props.name}
          type="checkbox"
          defaultChecked={props.defaultChecked}
          required={props.required}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(id, undefined, props.error)}
          className="mt-1 h-5 w-5 shrink-0"
        />
        <label htmlFor={id}>{props.label}</label>
      </div>
      <FieldError id={id} error={props.error} />
    </div>
  );
}
