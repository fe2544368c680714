// Booth forms' zod schemas, shared by the forms and the server. Messages are keys in
// messages/*.json (Booths.fieldErrors.<key>), translated by the page.
import { z } from "zod";

export const organisationCategories = ["UN_AGENCY", "GOVERNMENT", "CIVIL_SOCIETY", "PRIVATE_SECTOR", "OTHER"] as const;

const trimmed = (max: number, requiredKey: string, tooLongKey = "tooLong") =>
  z.string({ error: requiredKey }).trim().min(1, requiredKey).max(max, tooLongKey);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : null));

export const organisationProfileSchema = z.object({
  name: trimmed(120, "nameRequired"),
  category: z.enum(organisationCategories, { error: "categoryRequired" }),
  contactName: trimmed(120, "contactRequired"),
  phone: z
    .string()
    .trim()
    .max(40, "tooLong")
    .regex(/^$|^[+()\d][\d\s().-]{5,}$/, "phoneInvalid")
    .optional()
    .transform((v) => (v ? v : null)),
  website: z
    .string()
    .trim()
    .max(200, "tooLong")
    .optional()
    .transform((v) => (v ? (/^https?:\/\//i.test(v) ? v : `https://${v}`) : null))
    .refine((v) => v === null || (URL.canParse(v) && /^https?:\/\/[^\s/]+\.[^\s/]+/i.test(v)), "websiteInvalid"),
  description: optionalText(600),
  listPublicly: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export type OrganisationProfileInput = z.infer<typeof organisationProfileSchema>;

export const bookingRequestSchema = z.object({
  boothId: z.uuid({ error: "boothRequired" }),
  addons: z.array(z.object({ addonId: z.uuid(), quantity: z.number().int().min(0, "quantityInvalid").max(100, "quantityInvalid") })).max(20),
});

export type BookingRequestInput = z.infer<typeof bookingRequestSchema>;

export const rejectionSchema = z.object({
  reason: trimmed(500, "reasonRequired"),
});

/**
 * The booking form as sent (each field's text): boothId plus one `addon:<id>` field per add-on. Its
 * errors are named by those fields, so each is shown under its own input.
 */
export const bookingRequestForm = z.record(z.string(), z.string()).transform((fields, ctx) => {
  const names = Object.keys(fields).filter((name) => name.startsWith("addon:"));
  const addons = names.map((name) => {
    const text = fields[name]!.trim();
    return { addonId: name.slice(6), quantity: text === "" ? 0 : Number(text) };
  });
  const parsed = bookingRequestSchema.safeParse({ boothId: fields.boothId, addons });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === "boothId") ctx.addIssue({ code: "custom", path: ["boothId"], message: "boothRequired" });
    // An add-on's quantity or id, or too many add-ons: said under the add-on (the first, for too many).
    else ctx.addIssue({ code: "custom", path: [names[typeof issue.path[1] === "number" ? issue.path[1] : 0] ?? "boothId"], message: "quantityInvalid" });
  }
  return z.NEVER;
});

// The booth map editor's form (app/(organiser)/dashboard/editions/[id]/map). Messages are keys in
// messages/*.json (Dashboard.map.fieldErrors.<key>). Whether the booth lies inside the area and
// clear of the others is lib/booths/geometry.ts's to say, with the other booth's code.

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const metres = (min: number) =>
  z
    .string({ error: "numberInvalid" })
    .trim()
    .regex(/^-?\d{1,4}$/, "numberInvalid")
    .transform(Number)
    .pipe(z.number().int().min(min, min === 0 ? "numberNegative" : "sizeTooSmall"));

const priceNote = z
  .string()
  .trim()
  .max(200, "priceNoteTooLong")
  .refine((v) => !CONTROL_CHARACTERS.test(v), "invalidCharacters")
  .optional()
  .transform((v) => v ?? "");

export const boothLayoutSchema = z.object({
  code: z
    .string({ error: "codeRequired" })
    .trim()
    .min(1, "codeRequired")
    .max(10, "codeInvalid")
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, "codeInvalid")),
  size: z.enum(["STANDARD", "LARGE"], { error: "sizeRequired" }),
  tentSupplied: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  priceNoteEn: priceNote,
  priceNoteEs: priceNote,
  mapX: metres(0),
  mapY: metres(0),
  mapWidth: metres(1),
  mapHeight: metres(1),
});

export type BoothLayoutInput = z.infer<typeof boothLayoutSchema>;

/** The editor's save: the walk, and the booth when it is one already on the map (none: a new booth). */
export const boothSaveForm = boothLayoutSchema.extend({
  editionId: z.string().max(64),
  boothId: z.string().max(64).optional().transform((v) => (v ? v : undefined)),
});

export const boothDeleteForm = z.object({ editionId: z.string().max(64), boothId: z.string().max(64) });
