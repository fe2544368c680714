// The walk's bilingual texts and the rule a published walk keeps: every text it shows is there in
// both languages. Pure (no database), so the content editor's save and the publish action share it.

/** The texts an edition has in English and in Spanish, by the name the editor and the rules use. */
export const BILINGUAL_FIELDS = ["name", "theme", "hosts", "description", "venueName", "venueAddress", "meetingPoint", "whatToBring"] as const;
export type BilingualField = (typeof BILINGUAL_FIELDS)[number];

/** The texts a published walk cannot do without, in either language. */
export const REQUIRED_FIELDS: readonly BilingualField[] = ["name", "theme", "hosts", "venueName", "venueAddress"];

/** The longest each text may be (the form's maxlength too). Under 2,000: longer form values are cut (lib/forms/fields.ts). */
export const CONTENT_LIMITS = {
  name: 200,
  theme: 300,
  hosts: 300,
  description: 1500,
  venueName: 200,
  venueAddress: 300,
  meetingPoint: 1000,
  whatToBring: 1000,
} as const satisfies Record<BilingualField, number>;

/** The texts shown with their line breaks (textareas in the editor). */
export const MULTILINE_FIELDS: readonly BilingualField[] = ["description", "meetingPoint", "whatToBring"];

export type ContentLanguage = "en" | "es";

/**
 * The column (and form field) of a text in one language: `nameEn`, `nameEs`… The venue's English
 * texts are the older columns `venueName` and `venueAddress`; their Spanish ones end in `Es`.
 */
export function contentKey(field: BilingualField, language: ContentLanguage) {
  if (field === "venueName" || field === "venueAddress") return language === "en" ? field : (`${field}Es` as const);
  return `${field}${language === "en" ? "En" : "Es"}` as const;
}
export type ContentKey = ReturnType<typeof contentKey>;

/** Every bilingual text of an edition (an Event row has them all). */
export type BilingualContent = Record<ContentKey, string>;

export interface MissingTranslation {
  field: BilingualField;
  language: ContentLanguage;
}

const filled = (text: string | null | undefined) => (text ?? "").trim() !== "";

/**
 * What a published walk would be missing: a text filled in one language and empty in the other, or a
 * required text (name, theme, hosts, venue name, venue address) empty in either. Text of spaces alone
 * is empty. In the order of BILINGUAL_FIELDS, English before Spanish.
 */
export function missingTranslations(content: BilingualContent): MissingTranslation[] {
  const missing: MissingTranslation[] = [];
  for (const field of BILINGUAL_FIELDS) {
    const en = filled(content[contentKey(field, "en")]);
    const es = filled(content[contentKey(field, "es")]);
    const required = REQUIRED_FIELDS.includes(field);
    if (!en && (required || es)) missing.push({ field, language: "en" });
    if (!es && (required || en)) missing.push({ field, language: "es" });
  }
  return missing;
}

/**
 * The venue's address in a language (EN/ES as walkers' languages are stored): the Spanish one when
 * organisers wrote it, else the English one. For emails, the ticket page and the calendar file.
 */
export const venueIn = (event: { venueAddress: string; venueAddressEs: string }, language: "EN" | "ES") =>
  language === "ES" && event.venueAddressEs.trim() ? event.venueAddressEs : event.venueAddress;
