// The one form-action pattern: parse the form with its zod schema, answer field errors in one shape,
// run the change (which checks who acts again and calls one lib/ function), and map the domain's
// typed errors to a sentence. Every form's action is made with formAction; its client component
// shows the answer with useFormAction and FormSummary (app/components/forms/).
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { asFormData } from "../http/form-data";
import { fieldErrorsOf, submittedValues, type Translate } from "./fields";

export { fieldErrorsOf, submittedValues, type Translate };

/** What every form action answers, and what its form shows. */
export interface FormState {
  ok?: boolean;
  /** A sentence for the whole form, in the page's language. */
  message?: string;
  /** Field name → a sentence. */
  fieldErrors?: Record<string, string>;
  /** What was typed, shown again after an error (never the secret fields). */
  values?: Record<string, string>;
  /** Counts answers, so a form remounts and shows `values` as its defaults. */
  attempt?: number;
  /** What a change hands back to show once (e.g. a new account's one-time password). */
  result?: Record<string, string>;
}


/**
 * The translator of a messages namespace (e.g. "Dashboard.settings"; none: every message), for
 * formAction's `translator`. With `fallback`, a key the namespace lacks (a schema's own message
 * for input no form sends) is that key's sentence instead.
 */
export function messagesOf(namespace?: string, options: { fallback?: string } = {}): () => Promise<Translate> {
  return async () => {
    const t = (await getTranslations(namespace as never)) as unknown as Translate & { has(key: string): boolean };
    const { fallback } = options;
    return fallback ? (key, values) => (t.has(key) ? t(key, values) : t(fallback, values)) : t;
  };
}

export function formAction<S extends z.ZodType>(options: {
  schema: S;
  /** The translator for this form's message keys (e.g. getTranslations("Dashboard.settings")). */
  translator: () => Promise<Translate>;
  /** Where the schema's message keys are in the translator's namespace (default: as they are). */
  errorKey?: (message: string) => string;
  /** How the schema's input is read from the form (default: each field's text). */
  read?: (form: FormData) => unknown;
  /** Fields whose values never come back (passwords). */
  secret?: readonly string[];
  /** The longest value that comes back to be shown again, in characters (default 2,000; long texts need more). */
  valueLength?: number;
  /** Asked before the form is checked (a rate limit that counts every attempt): an answer is the form's. */
  before?: (context: { form: FormData; values: Record<string, string>; t: Translate }) => Promise<FormState | undefined>;
  /** The change: authorise again, call one lib/ function, answer what the form shows. May redirect. */
  run: (data: z.output<S>, context: { form: FormData; values: Record<string, string>; t: Translate }) => Promise<FormState>;
  /** The domain's typed errors, as what the form shows; anything else is thrown on. */
  refuse?: (error: unknown, t: Translate, context: { form: FormData; values: Record<string, string> }) => FormState | undefined;
}): (previous: FormState, form: FormData) => Promise<FormState> {
  return async (previous, input) => {
    const form = asFormData(input); // an action can be called with anything: no form is an empty form
    const t = await options.translator();
    // The previous answer comes back from the browser: only a number is counted on.
    const attempt = (Number(previous?.attempt) || 0) + 1;
    const values = submittedValues(form, options.secret, options.valueLength);
    const stopped = await options.before?.({ form, values, t });
    if (stopped) return { values, ...stopped, attempt };
    // The schema reads every field whole (the body is limited to 256 KB): a value cut to the length
    // shown again would pass a schema's own length limit unseen, and be saved cut.
    const parsed = options.schema.safeParse(options.read ? options.read(form) : submittedValues(form, [], Number.POSITIVE_INFINITY));
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error, t, options.errorKey), values, attempt };
    try {
      return { values, ...(await options.run(parsed.data, { form, values, t })), attempt };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and the like belong to Next.js
      const refused = options.refuse?.(error, t, { form, values });
      if (refused) return { values, ...refused, attempt };
      throw error;
    }
  };
}
