import "server-only";
import { z } from "zod";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { promoteIntoFreePlaces } from "../registrations/mutations";
import { EditionNotFound, isUuid } from "./edition";
import { editionYear } from "./editions";

/** Dates arrive as `datetime-local` values in the walk's own time zone (Port of Spain, UTC−4 all year). */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "dateInvalid")
  .transform((v) => new Date(`${v}:00-04:00`));

export const eventSettingsSchema = z
  .object({
    capacity: z.coerce.number({ error: "capacityInvalid" }).int("capacityInvalid").min(1, "capacityInvalid").max(100_000, "capacityInvalid"),
    startsAt: localDateTime,
    endsAt: localDateTime,
    registrationOpensAt: localDateTime,
    registrationClosesAt: localDateTime,
    boothHoldHours: z.coerce.number({ error: "holdInvalid" }).int("holdInvalid").min(1, "holdInvalid").max(24 * 30, "holdInvalid"),
    // Places kept for walk-ups at the gate, beyond the capacity (lib/gate/mutations.ts).
    walkUpPlaces: z.coerce.number({ error: "walkUpInvalid" }).int("walkUpInvalid").min(0, "walkUpInvalid").max(1000, "walkUpInvalid"),
    retentionDays: z.coerce.number({ error: "retentionInvalid" }).int("retentionInvalid").min(1, "retentionInvalid").max(730, "retentionInvalid"),
    // Optional: the privacy notice shows it when set.
    contactEmail: z
      .preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.union([z.literal(""), z.email("contactInvalid").max(254, "contactInvalid")]))
      .transform((v) => (v === "" ? null : v.toLowerCase())),
  })
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "endsBeforeStart" });
    if (v.registrationClosesAt <= v.registrationOpensAt) ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "closesBeforeOpens" });
    if (v.registrationClosesAt > v.endsAt) ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "closesAfterEnd" });
  });
export type EventSettingsInput = z.input<typeof eventSettingsSchema>;

/** Only an admin changes how long personal data is kept (the privacy notice states it). */
export class RetentionNeedsAdmin extends Error {
  override name = "RetentionNeedsAdmin";
}

/** The walk's new date is in another year than its edition's (next year's walk is a new edition). */
export class OutsideWalkYear extends Error {
  override name = "OutsideWalkYear";
  constructor(public readonly year: number) {
    super("the walk's date is outside its year");
  }
}

export class CapacityBelowConfirmed extends Error {
  override name = "CapacityBelowConfirmed";
  constructor(public readonly confirmed: number) {
    super("capacity below confirmed walkers");
  }
}

/** Event settings as the form shows them. */
export async function getEventSettings(actor: Actor, eventId: string) {
  await assertOrganiser(db, actor.userId);
  return db.event.findUnique({
    where: { id: eventId },
    select: { capacity: true, confirmedCount: true, startsAt: true, endsAt: true, registrationOpensAt: true, registrationClosesAt: true, boothHoldHours: true, walkUpPlaces: true, retentionDays: true, contactEmail: true },
  });
}

/**
 * Saves the settings under a lock on the event row. Capacity cannot go below the confirmed walkers;
 * raising it promotes waiting walkers into the new places at once, with their emails.
 */
export async function updateEventSettings(actor: Actor, eventId: string, input: EventSettingsInput, now = new Date()) {
  const data = eventSettingsSchema.parse(input);
  if (!isUuid(eventId)) throw new EditionNotFound();
  return db.$transaction(async (tx) => {
    const role = await assertOrganiser(tx, actor.userId);
    const [before] = await tx.$queryRaw<
      { capacity: number; confirmedCount: number; startsAt: Date; endsAt: Date; registrationOpensAt: Date; registrationClosesAt: Date; boothHoldHours: number; walkUpPlaces: number; retentionDays: number; contactEmail: string | null }[]
    >`SELECT capacity, "confirmedCount", "startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt", "boothHoldHours", "walkUpPlaces", "retentionDays", "contactEmail"
        FROM "Event" WHERE id = ${eventId}::uuid FOR UPDATE`;
    if (!before) throw new EditionNotFound();
    if (editionYear(data.startsAt) !== editionYear(before.startsAt)) throw new OutsideWalkYear(editionYear(before.startsAt));
    if (data.retentionDays !== before.retentionDays && role !== "ADMIN") throw new RetentionNeedsAdmin();
    if (data.capacity < before.confirmedCount) throw new CapacityBelowConfirmed(before.confirmedCount);
    await tx.event.update({ where: { id: eventId }, data });
    const promoted = data.capacity > before.capacity ? await promoteIntoFreePlaces(tx, eventId, now) : 0;
    const { confirmedCount: _count, ...beforeShown } = before;
    void _count;
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "event.settings",
      entityType: "Event",
      entityId: eventId,
      before: JSON.parse(JSON.stringify(beforeShown)),
      after: JSON.parse(JSON.stringify({ ...data, promoted })),
    });
    return { promoted };
  }, { maxWait: 20_000, timeout: 20_000 });
}
