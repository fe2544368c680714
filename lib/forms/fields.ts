// Shared by the server and the browser, and by both routers (no Next.js import): a field's id, what
// was typed, and a schema's errors by field.
import type { z } from "zod";

/** Turns a message key (a schema's error, a domain error's) into a sentence. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The id of a field's input, from its name ("walkers.0.firstName" → "walkers-0-firstName",
 * "addon:<uuid>" → "addon-<uuid>"); `scope` tells apart the same form shown many times on a page.
 * The field's error is `${id}-error`, its hint `${id}-hint`.
 */
export function fieldId(name: string, scope?: string): string {
  const id = name.replace(/[^A-Za-z0-9_-]/g, "-");
  return scope ? `${id}-${scope}` : id;
}

/**
 * What was typed, to show again: text fields only, each at most `max` characters, none of `secret`
 * (passwords; a button's value), none with a name no form of ours has.
 */
export function submittedValues(
  form: { entries(): IterableIterator<[string, FormDataEntryValue | string]> },
  secret: readonly string[] = [],
  max = 2000,
): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.length > 100 || name.startsWith("$ACTION") || secret.includes(name)) continue;
    values[name] = value.slice(0, max);
  }
  return { ...values };
}

/**
 * The first error of each field, keyed by its dotted path (the form's input names). A schema's
 * messages are message keys: `translate` makes them sentences, and `key` places them in the
 * translator's namespace.
 */
export function fieldErrorsOf(error: z.ZodError, translate: Translate, key: (message: string) => string = (m) => m): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.length ? issue.path.join(".") : "form";
    errors[name] ??= translate(key(issue.message));
  }
  return errors;
}
