// One schema for the sign-up form and the server. Error messages are message keys under
// "Register.errors" in messages/*.json, so the page shows them in its own language.
import { z } from "zod";
import type { FormFields } from "../http/request-guard";
import { AGE_BANDS, isMinor, TSHIRT_SIZES } from "../walkers/categories";
import { normalisePhone } from "./phone";

export const MAX_WALKERS = 10;
export const languages = ["EN", "ES"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

// Control characters (NUL and the like) are never part of a name or a note; PostgreSQL refuses NUL.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const text = (max: number) => z.string().max(max, "tooLong").refine((v) => !CONTROL_CHARACTERS.test(v), "invalidCharacters");
const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, "required").pipe(text(max)));
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), text(max).optional());

const phone = z.string().transform((value, ctx) => {
  const e164 = normalisePhone(value);
  if (!e164) {
    ctx.addIssue({ code: "custom", message: "phoneInvalid" });
    return z.NEVER;
  }
  return e164;
});
const requiredPhone = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, "required").pipe(phone));
const optionalPhone = z.preprocess(blankToUndefined, phone.optional());

const email = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : ""),
  z.string().min(1, "required").max(254, "tooLong").pipe(z.email("emailInvalid")),
);
const optionalEmail = z.preprocess(blankToUndefined, email.optional());

/** One walker's details; also the shape of the "edit details" form. */
export const walkerSchema = z
  .object({
    firstName: requiredText(80),
    lastName: requiredText(80),
    email: optionalEmail,
    phone: optionalPhone,
    ageBand: z.enum(AGE_BANDS, "ageBandRequired"),
    tshirtSize: z.preprocess(blankToUndefined, z.enum(TSHIRT_SIZES, "required").optional()),
    emergencyContactName: requiredText(120),
    emergencyContactPhone: requiredPhone,
    accessibilityNeeds: optionalText(500),
    photoConsent: checkbox,
    guardianName: optionalText(120),
    guardianConsent: checkbox,
  })
  .superRefine(
    (walker, ctx) => {
      if (!isMinor(walker.ageBand)) return;
      if (!walker.guardianName) ctx.addIssue({ code: "custom", path: ["guardianName"], message: "guardianNameRequired" });
      if (!walker.guardianConsent) ctx.addIssue({ code: "custom", path: ["guardianConsent"], message: "guardianConsentRequired" });
    },
    // Runs even when other fields have errors, so every error shows at once. The age band and
    // guardian fields are checked above; here they are known to have parsed when they are used.
    { when: (payload) => isMinor(String((payload.value as { ageBand?: unknown })?.ageBand)) },
  )
  // A guardian is recorded only for minors.
  .transform((walker) =>
    isMinor(walker.ageBand) ? walker : { ...walker, guardianName: undefined, guardianConsent: false },
  );

export type WalkerInput = z.output<typeof walkerSchema>;

export const registrationSchema = z
  .object({
    // A random key per form: a resubmission of the same form finds the first registration.
    submissionKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "formExpired"),
    // Honeypot: people never see this field; bots fill it in.
    website: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(0, "spam")),
    contactEmail: email,
    language: z.enum(languages, "required"),
    walkers: z.array(walkerSchema).min(1, "required").max(MAX_WALKERS, "tooManyWalkers"),
    waiverAccepted: checkbox.refine((v) => v, "waiverRequired"),
    privacyAccepted: checkbox.refine((v) => v, "privacyRequired"),
    waiverVersion: z.string().min(1).max(40),
    // The privacy notice's version the form showed (lib/privacy/notice.ts); a form without one (a
    // page from before it was sent) is as stale as an older version.
    privacyVersion: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(40)),
    // Set when the walker has been told they are joining the waiting list and agreed.
    joinWaitingList: checkbox,
  })
  .superRefine((form, ctx) => {
    // The same person twice in one form would be refused by the database; say so next to the field.
    const seen = new Set<string>();
    form.walkers.forEach((walker, index) => {
      const key = personKey("", walker.email ?? form.contactEmail, walker.firstName, walker.lastName);
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["walkers", index, "firstName"], message: "duplicateInGroup" });
      seen.add(key);
    });
  });

export type RegistrationInput = z.output<typeof registrationSchema>;

/** "eventId|email|first last", lower-cased, accents and extra spaces removed. */
export function personKey(eventId: string, email: string, firstName: string, lastName: string): string {
  const clean = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}@.+_-]+/gu, " ")
      .trim();
  return `${eventId}|${email.trim().toLowerCase()}|${clean(firstName)} ${clean(lastName)}`;
}

/** Turns the form's flat names ("walkers.0.firstName") into the object the schema parses. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** Names made of plain names and indexes, joined by dots (never "$ACTION_…", Next's own fields). */
const FIELD_NAME = /^(?:\d{1,3}|[A-Za-z][A-Za-z0-9]{0,63})(?:\.(?:\d{1,3}|[A-Za-z][A-Za-z0-9]{0,63}))*$/;
/** A part of such a name that is an index (it starts with a digit, so it is all digits). */
const isIndex = (part: string) => part.charCodeAt(0) <= 57;

export function formDataToObject(formData: FormFields): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    // Only plain names and indexes: "__proto__.x" or "constructor.prototype.x" would otherwise reach
    // Object.prototype and change every object in the server (prototype pollution).
    if (typeof value !== "string" || !FIELD_NAME.test(name)) continue;
    const parts = name.split(".");
    if (parts.some((part) => UNSAFE_KEYS.has(part))) continue;
    let target: Record<string, unknown> | unknown[] = result;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const last = i === parts.length - 1;
      const nextIsIndex = !last && isIndex(parts[i + 1]!);
      const key: string | number = Array.isArray(target) ? Number(part) : part;
      if (Array.isArray(target) && (!Number.isInteger(key) || (key as number) >= MAX_WALKERS + 1)) break;
      const container = target as Record<string | number, unknown>;
      if (last) {
        // A value never replaces a group of fields ("walkers.0" sent next to "walkers.0.firstName").
        if (container[key] === undefined || typeof container[key] === "string") container[key] = value;
      } else {
        container[key] ??= nextIsIndex ? [] : {};
        const inner = container[key];
        // A name that goes through a plain value ("walkers.0" = "x", then "walkers.0.firstName") is ignored.
        if (typeof inner !== "object" || inner === null || Array.isArray(inner) !== nextIsIndex) break;
        target = inner as Record<string, unknown> | unknown[];
      }
    }
  }
  // Sparse arrays (a skipped index) become dense, so the schema sees each walker once.
  if (Array.isArray(result.walkers)) result.walkers = result.walkers.filter((w) => w !== undefined);
  return result;
}

/** The "edit details" form: a walker's fields with their own email address. */
export const walkerEditSchema = z.intersection(walkerSchema, z.object({ email }));

/** A walker's details as stored (the columns the walker form edits). */
export interface StoredWalkerDetails {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  ageBand: string;
  tshirtSize: string | null;
  emergencyContactName: string;
  emergencyContactPhone: string;
  accessibilityNeeds: string | null;
  photoConsent: boolean;
  guardianName: string | null;
  guardianConsent: boolean;
}

/** A stored walker as the walker form's initial values (the edit pages of walkers and organisers). */
export function walkerFormValues(walker: StoredWalkerDetails): Record<string, string> {
  return {
    firstName: walker.firstName,
    lastName: walker.lastName,
    email: walker.email,
    phone: walker.phone ?? "",
    ageBand: walker.ageBand,
    tshirtSize: walker.tshirtSize ?? "",
    emergencyContactName: walker.emergencyContactName,
    emergencyContactPhone: walker.emergencyContactPhone,
    accessibilityNeeds: walker.accessibilityNeeds ?? "",
    photoConsent: walker.photoConsent ? "on" : "",
    guardianName: walker.guardianName ?? "",
    guardianConsent: walker.guardianConsent ? "on" : "",
  };
}
