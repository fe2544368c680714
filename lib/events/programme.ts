import "server-only";
// An edition's programme: items in the organisers' order, each at a time on the walk's day (HH:MM in
// the walk's time zone), with a title in English and Spanish and an optional speaker or host. Every
// change claims the edition's content version and writes its audit entry (lib/events/edition-list.ts).
import { z } from "zod";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { fromZonedInput, toZonedInput } from "../gate/time";
import { EditionNotFound, isUuid } from "./edition";
import { itemIdField, lineField, versionField, type FormInput, type moveItemSchema, type removeItemSchema } from "./edition-fields";
import { editionList } from "./edition-list";

/** The time does not fall on the walk's day (in its time zone). */
export class ProgrammeTimeOutsideDay extends Error {
  override name = "ProgrammeTimeOutsideDay";
}

const timeField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().slice(0, 10) : ""),
  z
    .string()
    .regex(/^\d{1,2}:\d{2}$/, "timeInvalid")
    .refine((v) => {
      const [hours, minutes] = v.split(":").map(Number) as [number, number];
      return hours <= 23 && minutes <= 59;
    }, "timeOutsideDay"),
);

const itemFields = {
  time: timeField,
  titleEn: lineField(150, { required: true }),
  titleEs: lineField(150, { required: true }),
  speaker: lineField(120),
};

export const addProgrammeItemSchema = z.object({ version: versionField, ...itemFields });
export const editProgrammeItemSchema = z.object({ version: versionField, itemId: itemIdField, ...itemFields });

interface ItemRow {
  id: string;
  eventId: string;
  startsAt: Date;
  titleEn: string;
  titleEs: string;
  speaker: string | null;
  sortOrder: number;
}

export interface ProgrammeItemView {
  id: string;
  /** HH:MM in the walk's time zone. */
  time: string;
  startsAt: Date;
  titleEn: string;
  titleEs: string;
  speaker: string | null;
}

/** The edition's programme in order, for an organiser. */
export async function listProgramme(actor: Actor, eventId: string): Promise<ProgrammeItemView[]> {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(eventId)) throw new EditionNotFound();
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { timezone: true, programme: { orderBy: { sortOrder: "asc" }, select: { id: true, startsAt: true, titleEn: true, titleEs: true, speaker: true } } },
  });
  if (!event) throw new EditionNotFound();
  return event.programme.map((item) => ({ ...item, time: toZonedInput(item.startsAt, event.timezone).slice(11) }));
}

/** The instant of "HH:MM" on the walk's day, in its time zone; ProgrammeTimeOutsideDay when it is not on that day. */
async function onWalkDay(tx: Pick<Prisma.TransactionClient, "event">, eventId: string, time: string): Promise<Date> {
  const { startsAt, timezone } = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { startsAt: true, timezone: true } });
  const day = toZonedInput(startsAt, timezone).slice(0, 10);
  const [hours, minutes] = time.split(":") as [string, string];
  const instant = fromZonedInput(`${day}T${hours.padStart(2, "0")}:${minutes}`, timezone);
  // A wall-clock time a summer-time change skips lands on another instant; never on another day.
  if (!instant || toZonedInput(instant, timezone).slice(0, 10) !== day) throw new ProgrammeTimeOutsideDay();
  return instant;
}

/** An item's columns from the form: its time on the walk's day, its titles, its speaker (none when empty). */
async function itemData(tx: Prisma.TransactionClient, eventId: string, data: z.output<typeof addProgrammeItemSchema>) {
  return { startsAt: await onWalkDay(tx, eventId, data.time), titleEn: data.titleEn, titleEs: data.titleEs, speaker: data.speaker || null };
}

const shown = (row: ItemRow) => ({
  eventId: row.eventId,
  startsAt: row.startsAt.toISOString(),
  titleEn: row.titleEn,
  titleEs: row.titleEs,
  speaker: row.speaker,
  sortOrder: row.sortOrder,
});

const programme = editionList<ItemRow>("ProgrammeItem", "event.programme", shown);

/** Adds an item after the last one. */
export async function addProgrammeItem(actor: Actor, eventId: string, input: FormInput<typeof addProgrammeItemSchema>) {
  const data = addProgrammeItemSchema.parse(input);
  return programme.add(actor, eventId, data.version, async (tx, sortOrder) =>
    tx.programmeItem.create({ data: { eventId, ...(await itemData(tx, eventId, data)), sortOrder } }),
  );
}

/** Changes an item's time, titles or speaker. */
export async function editProgrammeItem(actor: Actor, eventId: string, input: FormInput<typeof editProgrammeItemSchema>) {
  const data = editProgrammeItemSchema.parse(input);
  return programme.edit(actor, eventId, data, async (tx, before) =>
    tx.programmeItem.update({ where: { id: before.id }, data: await itemData(tx, eventId, data) }),
  );
}

/** Swaps an item with the one before or after it. */
export async function moveProgrammeItem(actor: Actor, eventId: string, input: FormInput<typeof moveItemSchema>) {
  return programme.move(actor, eventId, input);
}

/** Removes an item. */
export async function removeProgrammeItem(actor: Actor, eventId: string, input: FormInput<typeof removeItemSchema>) {
  return programme.remove(actor, eventId, input);
}
