import "server-only";
// The booth map editor's rules: organisers add, rename, move, resize and delete the booths of any
// edition (drafts too). Each change is one transaction that first locks the edition's row, so two
// organisers' changes to one map are made one after the other and can never overlap two booths; the
// booth's own row is locked too, so a partner's booking request waits for a delete (and then finds
// no booth) instead of being deleted with it. A booth with a live (pending or approved) booking
// cannot be deleted, and moving or resizing it queues an email to its partner in the same
// transaction. Every change writes its audit entry. The caller re-renders the public pages when the
// edition is the published one (`published`).
import { randomUUID } from "node:crypto";
import type { BoothSize, EditionStatus } from "../generated/prisma/client";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { isUniqueViolation } from "../db/errors";
import { EditionNotFound, isUuid } from "../events/edition";
import { enqueueEmail } from "../mail/outbox";
import { BoothBooked, BoothCodeTaken, BoothNotOnMap, BoothOutsideArea, BoothOverlap } from "./errors";
import { layoutProblem } from "./geometry";
import { emailFacts, expireHolds } from "./mutations";
import type { BoothLayoutInput } from "./schema";
import { boothState, type BoothState } from "./state";

type Tx = Prisma.TransactionClient;

const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

/** A booth as the editor shows it: its fields, its state on the map and its live booking, if any. */
export interface LayoutBooth {
  id: string;
  code: string;
  size: BoothSize;
  tentSupplied: boolean;
  priceNoteEn: string;
  priceNoteEs: string;
  mapX: number;
  mapY: number;
  mapWidth: number;
  mapHeight: number;
  state: BoothState;
  /** The pending (hold running) or approved booking that keeps the booth from being deleted. */
  booking: { status: "PENDING" | "APPROVED"; organisation: string } | null;
}

/** Every booth of the edition, in map order, for the editor (an organiser only). */
export async function getBoothLayout(actor: Actor, eventId: string, now = new Date()): Promise<LayoutBooth[]> {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(eventId)) throw new EditionNotFound();
  const booths = await db.booth.findMany({
    where: { eventId },
    orderBy: [{ mapY: "asc" }, { mapX: "asc" }, { code: "asc" }],
    select: {
      ...boothFields,
      activeBookings: { select: { status: true, holdExpiresAt: true, organisation: { select: { name: true } } } },
    },
  });
  return booths.map(({ activeBookings, ...booth }) => {
    const active = activeBookings[0];
    const state = boothState(active, now);
    return {
      ...booth,
      state,
      booking: active && state !== "available" ? { status: active.status as "PENDING" | "APPROVED", organisation: active.organisation.name } : null,
    };
  });
}

const boothFields = {
  id: true,
  code: true,
  size: true,
  tentSupplied: true,
  priceNoteEn: true,
  priceNoteEs: true,
  mapX: true,
  mapY: true,
  mapWidth: true,
  mapHeight: true,
} as const satisfies Prisma.BoothSelect;

type BoothRow = Prisma.BoothGetPayload<{ select: typeof boothFields }>;
type BoothData = Omit<BoothRow, "id">;

/** Takes the edition's row lock (every change to its map waits for the one before); its status. */
async function lockEdition(tx: Tx, eventId: string): Promise<EditionStatus> {
  if (!isUuid(eventId)) throw new EditionNotFound();
  const [row] = await tx.$queryRaw<{ status: EditionStatus }[]>`SELECT "status" FROM "Event" WHERE "id" = ${eventId}::uuid FOR UPDATE`;
  if (!row) throw new EditionNotFound();
  return row.status;
}

/** Locks the edition's booth and reads it; another edition's booth, or none, is BoothNotOnMap. */
async function lockBooth(tx: Tx, eventId: string, boothId: string): Promise<BoothRow> {
  if (!isUuid(boothId)) throw new BoothNotOnMap();
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Booth" WHERE "id" = ${boothId}::uuid AND "eventId" = ${eventId}::uuid FOR UPDATE`;
  if (!row) throw new BoothNotOnMap();
  return tx.booth.findUniqueOrThrow({ where: { id: boothId }, select: boothFields });
}

/** The booth's code is its own on the walk, and its place is inside the area and clear of the others. */
async function checkPlace(tx: Tx, eventId: string, data: BoothData, boothId: string | null): Promise<void> {
  const others = await tx.booth.findMany({
    where: { eventId, ...(boothId ? { id: { not: boothId } } : {}) },
    orderBy: [{ mapY: "asc" }, { mapX: "asc" }],
    select: { code: true, mapX: true, mapY: true, mapWidth: true, mapHeight: true },
  });
  if (others.some((o) => o.code === data.code)) throw new BoothCodeTaken(data.code);
  const rect = (b: { mapX: number; mapY: number; mapWidth: number; mapHeight: number }) => ({ x: b.mapX, y: b.mapY, width: b.mapWidth, height: b.mapHeight });
  const problem = layoutProblem(
    rect(data),
    others.map((o) => ({ ...rect(o), code: o.code })),
  );
  if (problem?.kind === "outsideArea") throw new BoothOutsideArea();
  if (problem?.kind === "overlap") throw new BoothOverlap(problem.other.code);
}

/** The row's fields from the form's parsed input (codes compared and stored in capitals, as the form sends them). */
function boothData(input: BoothLayoutInput): BoothData {
  return {
    code: input.code.trim().toUpperCase(),
    size: input.size,
    tentSupplied: input.tentSupplied,
    priceNoteEn: input.priceNoteEn,
    priceNoteEs: input.priceNoteEs,
    mapX: input.mapX,
    mapY: input.mapY,
    mapWidth: input.mapWidth,
    mapHeight: input.mapHeight,
  };
}

/** PostgreSQL's unique (eventId, code) as BoothCodeTaken: the same sentence as the check before it. */
async function codeUnique<T>(code: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isUniqueViolation(error)) throw new BoothCodeTaken(code);
    throw error;
  }
}

/** Adds a booth to the edition's map. */
export async function addBooth(actor: Actor, eventId: string, input: BoothLayoutInput): Promise<{ boothId: string; published: boolean }> {
  const data = boothData(input);
  return codeUnique(data.code, () =>
    db.$transaction(async (tx) => {
      await assertOrganiser(tx, actor.userId);
      const status = await lockEdition(tx, eventId);
      await checkPlace(tx, eventId, data, null);
      const booth = await tx.booth.create({ data: { ...data, eventId }, select: { id: true } });
      await writeAudit(tx, { actorId: actor.userId, action: "booth.add", entityType: "Booth", entityId: booth.id, after: { ...data } });
      return { boothId: booth.id, published: status === "PUBLISHED" };
    }, TX_OPTIONS),
  );
}

/**
 * Renames, moves, resizes or otherwise changes one booth of the edition. When a booth with a live
 * booking moves or changes size, its partner is emailed the new place (`emailed`: how many emails).
 */
export async function editBooth(
  actor: Actor,
  eventId: string,
  boothId: string,
  input: BoothLayoutInput,
  now = new Date(),
): Promise<{ published: boolean; changed: boolean; emailed: number }> {
  const data = boothData(input);
  return codeUnique(data.code, () =>
    db.$transaction(async (tx) => {
      await assertOrganiser(tx, actor.userId);
      const status = await lockEdition(tx, eventId);
      const { id: _id, ...before } = await lockBooth(tx, eventId, boothId);
      void _id;
      await checkPlace(tx, eventId, data, boothId);
      const changedKeys = (Object.keys(data) as (keyof BoothData)[]).filter((key) => data[key] !== before[key]);
      const published = status === "PUBLISHED";
      if (changedKeys.length === 0) return { published, changed: false, emailed: 0 };

      await tx.booth.update({ where: { id: boothId }, data });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "booth.edit",
        entityType: "Booth",
        entityId: boothId,
        before: Object.fromEntries(changedKeys.map((key) => [key, before[key]])),
        after: Object.fromEntries(changedKeys.map((key) => [key, data[key]])),
      });

      const moved = data.mapX !== before.mapX || data.mapY !== before.mapY;
      const resized = data.mapWidth !== before.mapWidth || data.mapHeight !== before.mapHeight;
      const emailed = moved || resized ? await tellPartner(tx, boothId, { moved, resized, ...data }, now) : 0;
      return { published, changed: true, emailed };
    }, TX_OPTIONS),
  );
}

/** Queues the "your booth was moved/resized" email of the booth's live booking, if it has one. */
async function tellPartner(tx: Tx, boothId: string, change: { moved: boolean; resized: boolean } & BoothData, now: Date): Promise<number> {
  await expireHolds(tx, now, boothId); // a hold that has passed is no booking to tell about
  const booking = await tx.boothBooking.findUnique({ where: { activeBoothId: boothId }, select: { id: true } });
  if (!booking) return 0;
  const facts = await emailFacts(tx, booking.id); // read after the update: the booth's new code and size
  const changeId = randomUUID();
  let queued = 0;
  for (const to of facts.to) {
    queued += await enqueueEmail(tx, {
      template: "booth-moved",
      to,
      language: facts.language,
      payload: {
        ...facts.payload,
        moved: change.moved,
        resized: change.resized,
        mapX: change.mapX,
        mapY: change.mapY,
        mapWidth: change.mapWidth,
        mapHeight: change.mapHeight,
      },
      idempotencyKey: `booth-moved:${booking.id}:${changeId}:${to}`,
    });
  }
  return queued;
}

/** Deletes a booth of the edition; refused (BoothBooked) while it has a pending or approved booking. */
export async function deleteBooth(actor: Actor, eventId: string, boothId: string, now = new Date()): Promise<{ published: boolean; code: string }> {
  return db.$transaction(async (tx) => {
    await assertOrganiser(tx, actor.userId);
    const status = await lockEdition(tx, eventId);
    const { id: _id, ...before } = await lockBooth(tx, eventId, boothId);
    void _id;
    await expireHolds(tx, now, boothId);
    const live = await tx.boothBooking.count({ where: { activeBoothId: boothId, status: { in: ["PENDING", "APPROVED"] } } });
    if (live > 0) throw new BoothBooked(before.code);
    await tx.booth.delete({ where: { id: boothId } });
    await writeAudit(tx, { actorId: actor.userId, action: "booth.delete", entityType: "Booth", entityId: boothId, before: { ...before } });
    return { published: status === "PUBLISHED", code: before.code };
  }, TX_OPTIONS);
}
