"use client";

// The client half of lib/forms/action.ts: the form's state, its fields' attributes (what was typed,
// aria-invalid, aria-describedby), and the summary at the top.
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/forms/action";
import { fieldId } from "@/lib/forms/fields";

export function useFormAction(
  action: (previous: FormState, form: FormData) => Promise<FormState>,
  options: { initial?: FormState; scope?: string } = {},
) {
  const [state, dispatch, pending] = useActionState(action, options.initial ?? {});
  const id = (name: string) => fieldId(name, options.scope);
  return {
    state,
    action: dispatch,
    pending,
    /** The scope the form's ids end with (one form of many on a page), for FormSummary. */
    scope: options.scope,
    /** The id of a field's input; its error is `${id}-error`, its hint `${id}-hint`. */
    id,
    /** The error of a field, if any. */
    error: (name: string) => state.fieldErrors?.[name],
    /** Attributes for a field's input: its id and name, what was typed, and its error or hint. */
    field: (name: string, options: { fallback?: string; hint?: boolean } = {}) => {
      const error = state.fieldErrors?.[name];
      return {
        id: id(name),
        name,
        defaultValue: state.values?.[name] ?? options.fallback ?? "",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id(name)}-error` : options.hint ? `${id(name)}-hint` : undefined,
      };
    },
  };
}

/**
 * The answer at the top of a form: a success sentence; or the form's message, and a link to each
 * field with an error, named by its label (the error itself is under the field). `children` follow
 * the success sentence (a link to what comes next).
 */
export function FormSummary({
  state,
  title,
  labels,
  scope,
  children,
}: {
  state: FormState;
  /** Default: "Check these fields:". */
  title?: string;
  labels: Record<string, string>;
  scope?: string;
  children?: ReactNode;
}) {
  const checkFields = useTranslations("Forms")("checkFields");
  const fields = Object.keys(state.fieldErrors ?? {});
  if (state.ok && state.message) {
    return (
      <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
        {state.message}
        {children && <> {children}</>}
      </p>
    );
  }
  if (!state.message && fields.length === 0) return null;
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
      {state.message && <p>{state.message}</p>}
      {fields.length > 0 && (
        <>
          <p className="font-semibold">{title ?? checkFields}</p>
          <ul className="mt-1 list-disc pl-5">
            {fields.map((name) => (
              <li key={name}>
                <a href={`#${fieldId(name, scope)}`} className="underline">
                  {labels[name] ?? name}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
