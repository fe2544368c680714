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

/** Reads the booking form: boothId plus one `addon:<id>` field per add-on. */
export function bookingRequestFromForm(form: FormData) {
  const addons: { addonId: string; quantity: number }[] = [];
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("addon:")) continue;
    const text = String(value).trim();
    addons.push({ addonId: key.slice(6), quantity: text === "" ? 0 : Number(text) });
  }
  return bookingRequestSchema.safeParse({ boothId: form.get("boothId") ?? undefined, addons });
}
