// The fields of the walk editor's forms, as zod schemas whose messages are message keys (the form's
// namespace has an `errors` object with each): plain text only (never HTML), lengths limited, links
// https only. Shared by the server actions and the lib functions that parse the form's text again.
import { z } from "zod";

/** What a lib function takes: the schema's input, or the form's own text (the action's values). */
export type FormInput<S extends z.ZodType> = z.input<S> | Record<string, string>;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAKS = /[\r\n\t]/;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** One line of text, at most `max` characters; "" when optional and left empty. */
export function lineField(max: number, options: { required?: boolean } = {}) {
  return z.preprocess(
    trimmed,
    z
      .string()
      .refine((v) => !options.required || v !== "", "required")
      .refine((v) => v.length <= max, "tooLong")
      .refine((v) => !CONTROL_CHARACTERS.test(v) && !LINE_BREAKS.test(v), "invalidCharacters"),
  );
}

/** Text with line breaks (shown with whitespace-pre-line), at most `max` characters. */
export function linesField(max: number) {
  return z.preprocess(
    (v) => trimmed(v).replace(/\r\n?/g, "\n"),
    z
      .string()
      .refine((v) => v.length <= max, "tooLong")
      .refine((v) => !CONTROL_CHARACTERS.test(v), "invalidCharacters"),
  );
}

/** An optional web address: https only (never http, javascript: or the like); null when empty. */
export function httpsUrlField(max = 500) {
  return z.preprocess(
    trimmed,
    z
      .string()
      .refine((v) => v.length <= max, "tooLong")
      .refine((v) => v === "" || isHttpsUrl(v), "httpsOnly")
      .transform((v) => (v === "" ? null : v)),
  );
}

export function isHttpsUrl(value: string): boolean {
  if (!/^https:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * The edition's content version the form was opened at (Event.contentVersion). A forged or missing
 * one is 0, which no edition has: the save is refused as made on a stale version.
 */
export const versionField = z.coerce.number().int().min(1).max(2_147_483_647).catch(0);

/** An item's id as the form carries it (checked against the edition in the transaction). */
export const itemIdField = z.preprocess((v) => (typeof v === "string" ? v.slice(0, 64).trim() : ""), z.string());

/** Move up or down. */
export const directionField = z.enum(["up", "down"], { error: "stale" });

/** Moving an item of an edition's list up or down. */
export const moveItemSchema = z.object({ version: versionField, itemId: itemIdField, direction: directionField });

/** Removing an item of an edition's list. */
export const removeItemSchema = z.object({ version: versionField, itemId: itemIdField });
