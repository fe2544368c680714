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
