// The gate's inputs: the organisers' "new pass" form, the phone's upload, the list's cursor. Pure.
import { z } from "zod";
import { AGE_BANDS, isMinor, TSHIRT_SIZES } from "../walkers/categories";
import { normalisePhone } from "../registrations/phone";

/** Most items one upload may carry; and its size (the proxy's and the forms' limit). */
export const MAX_SYNC_ITEMS = 200;
export const MAX_SYNC_BYTES = 256 * 1024;

/** An undo is accepted this long after the server recorded the check-in. */
export const UNDO_WINDOW_MS = 2 * 60_000;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .max(max, "tooLong")
    .refine((v) => !CONTROL_CHARACTERS.test(v), "invalidCharacters");

/** The organisers' form: a label and a window (datetime-local values in the walk's zone, read by lib/gate/mutations.ts). */
export const newPassSchema = z.object({
  label: text(80),
  opensAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "dateInvalid"),
  closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "dateInvalid"),
});
export type NewPassInput = z.input<typeof newPassSchema>;

export const revokePassSchema = z.object({ passId: z.uuid() });

const itemId = z.uuid();
const phoneTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

const phone = z.string().transform((value, ctx) => {
  const e164 = normalisePhone(value);
  if (!e164) {
    ctx.addIssue({ code: "custom", message: "phoneInvalid" });
    return z.NEVER;
  }
  return e164;
});

/** A walk-up's details as the gate's form sends them: no email, no phone of their own. */
export const walkUpSchema = z
  .object({
    firstName: text(80),
    lastName: text(80),
    ageBand: z.enum(AGE_BANDS),
    tshirtSize: z.enum(TSHIRT_SIZES).nullable().optional(),
    emergencyContactName: text(120),
    emergencyContactPhone: phone,
    guardianName: text(120).nullable().optional(),
    guardianConsent: z.boolean().optional(),
    waiverAccepted: z.literal(true),
    privacyAccepted: z.literal(true),
  })
  .refine((w) => !isMinor(w.ageBand) || (!!w.guardianName && w.guardianConsent === true), { message: "guardianRequired" })
  // A guardian is recorded only for minors.
  .transform((w) => (isMinor(w.ageBand) ? w : { ...w, guardianName: null, guardianConsent: false }));
export type WalkUpInput = z.output<typeof walkUpSchema>;

export const syncItemSchema = z.discriminatedUnion("kind", [
  z.object({ id: itemId, kind: z.literal("checkin"), ticketCode: z.string().min(1).max(40), at: phoneTime }),
  z.object({ id: itemId, kind: z.literal("undo"), checkinId: itemId, at: phoneTime }),
  z.object({ id: itemId, kind: z.literal("walkup"), at: phoneTime, walker: walkUpSchema }),
]);
export type SyncItem = z.output<typeof syncItemSchema>;

/** The upload's envelope; each item is checked on its own (one bad item never refuses the rest). */
export const syncBodySchema = z.object({ items: z.array(z.unknown()) });

/** The id an item claims, echoed back in its answer even when the item is malformed (null when none). */
export function claimedId(item: unknown): string | null {
  if (!item || typeof item !== "object") return null;
  const id = (item as { id?: unknown }).id;
  return typeof id === "string" ? id.slice(0, 100) : null;
}

// The list's cursor: opaque to the phone. A time a little before the list was read, so that a change
// committed while it was being read (or a small difference between clocks) is sent again, never lost.
export const CURSOR_OVERLAP_MS = 30_000;
/** A cursor older than this gets the full list again. */
export const CURSOR_MAX_AGE_MS = 24 * 3_600_000;

export function encodeCursor(serverTime: Date): string {
  return Buffer.from(`v1:${serverTime.getTime() - CURSOR_OVERLAP_MS}`).toString("base64url");
}

/** The time a cursor stands for, or null when it is missing, malformed, too old or in the future. */
export function decodeCursor(cursor: string | null | undefined, now: Date): Date | null {
  if (!cursor || cursor.length > 40) return null;
  const m = /^v1:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) return null;
  const since = Number(m[1]);
  if (since > now.getTime() || now.getTime() - since > CURSOR_MAX_AGE_MS) return null;
  return new Date(since);
}
