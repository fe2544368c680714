"use client";

// The client half of lib/forms/action.ts: the form's state, its fields' attributes (what was typed,
// aria-invalid, aria-describedby), and the summary at the top.
import { useActionState } from "react";
import type { FormState } from "@/lib/forms/action";

export function useFormAction(action: (previous: FormState, form: FormData) => Promise<FormState>, initial: FormState = {}) {
  const [state, dispatch, pending] = useActionState(action, initial);
  return {
    state,
    action: dispatch,
    pending,
    /** The error of a field, if any. */
    error: (name: string) => state.fieldErrors?.[name],
    /** Attributes for a field's input: its id and name, what was typed, and its error or hint. */
    field: (name: string, options: { fallback?: string; hint?: boolean } = {}) => {
      const id = name.replace(/\./g, "-");
      const error = state.fieldErrors?.[name];
      return {
        id,
        name,
        defaultValue: state.values?.[name] ?? options.fallback ?? "",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : options.hint ? `${id}-hint` : undefined,
      };
    },
  };
}

/**
 * The answer at the top of a form: a success sentence; or the form's message, and a link to each
 * field with an error, named by its label (the error itself is under the field).
 */
export function FormSummary({ state, title, labels }: { state: FormState; title: string; labels: Record<string, string> }) {
  const fields = Object.keys(state.fieldErrors ?? {});
  if (state.ok && state.message) {
    return (
      <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
        {state.message}
      </p>
    );
  }
  if (!state.message && fields.length === 0) return null;
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
      {state.message && <p>{state.message}</p>}
      {fields.length > 0 && (
        <>
          <p className="font-semibold">{title}</p>
          <ul className="mt-1 list-disc pl-5">
            {fields.map((name) => (
              <li key={name}>
                <a href={`#${name.replace(/\./g, "-")}`} className="underline">
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
