import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestEvent } from "../../test/support/events";
import { Forbidden } from "../auth/roles";
import { db } from "../db";
import { EditionNotFound } from "../events/edition";
import { BOOTH_AREA } from "./area";
import { BoothBooked, BoothCodeTaken, BoothNotOnMap, BoothOutsideArea, BoothOverlap } from "./errors";
import { addBooth, deleteBooth, editBooth, getBoothLayout } from "./layout";
import { saveOrganisationProfile } from "./mutations";
import type { BoothLayoutInput } from "./schema";

type Actor = { userId: string; role: "ORGANISER" };

async function organiser(): Promise<Actor> {
  const user = await db.user.create({ data: { email: `map-${randomUUID()}@funwalk.test`, role: "ORGANISER" }, select: { id: true } });
  return { userId: user.id, role: "ORGANISER" };
}

const booth = (code: string, x: number, y: number, more: Partial<BoothLayoutInput> = {}): BoothLayoutInput => ({
  code,
  size: "STANDARD",
  tentSupplied: false,
  priceNoteEn: "",
  priceNoteEs: "",
  mapX: x,
  mapY: y,
  mapWidth: 3,
  mapHeight: 3,
  ...more,
});

const walk = async () => (await createTestEvent(db, { capacity: 100 })).id;
const rowOf = (id: string) =>
  db.booth.findUnique({ where: { id }, select: { code: true, size: true, tentSupplied: true, priceNoteEn: true, priceNoteEs: true, mapX: true, mapY: true, mapWidth: true, mapHeight: true } });
const boothsOf = (eventId: string) => db.booth.findMany({ where: { eventId }, orderBy: { code: "asc" }, select: { code: true, mapX: true, mapY: true, mapWidth: true, mapHeight: true } });
const auditOf = (boothId: string) => db.auditLog.findMany({ where: { entityType: "Booth", entityId: boothId }, orderBy: { createdAt: "asc" } });

/** A partner organisation with a live booking of the booth, requested by `email`; its booking id. */
async function book(boothId: string, status: "PENDING" | "APPROVED", email = `partner-${randomUUID()}@partners.test`): Promise<{ bookingId: string; email: string }> {
  const user = await db.user.create({ data: { email, role: "PARTNER" }, select: { id: true } });
  const { organisationId } = await saveOrganisationProfile(
    user.id,
    { name: "Safe Passage", category: "CIVIL_SOCIETY", contactName: "María", phone: null, website: null, description: null, listPublicly: false },
    "ES",
  );
  // A second member of the organisation: the email goes to the partner who requested the booth only.
  await db.user.create({ data: { email: `colleague-${randomUUID()}@partners.test`, role: "PARTNER", organisationId } });
  const booking = await db.boothBooking.create({
    data: {
      boothId,
      activeBoothId: boothId,
      organisationId,
      requestedById: user.id,
      status,
      holdExpiresAt: new Date(Date.now() + 72 * 3_600_000),
      decidedAt: status === "APPROVED" ? new Date() : null,
    },
    select: { id: true },
  });
  return { bookingId: booking.id, email };
}

let actor: Actor;
beforeAll(async () => {
  actor = await organiser();
});

describe("the booth map editor", () => {
  it("adds a booth, then renames, moves, resizes and deletes it, each with its audit entry", async () => {
    const eventId = await walk();
    const { boothId, published } = await addBooth(actor, eventId, booth("a1", 2, 2, { priceNoteEn: "Free for NGOs", priceNoteEs: "Gratis para ONG" }));
    expect(published).toBe(false); // a draft: the public pages are not concerned
    expect(await rowOf(boothId)).toEqual({
      code: "A1",
      size: "STANDARD",
      tentSupplied: false,
      priceNoteEn: "Free for NGOs",
      priceNoteEs: "Gratis para ONG",
      mapX: 2,
      mapY: 2,
      mapWidth: 3,
      mapHeight: 3,
    });

    const renamed = await editBooth(actor, eventId, boothId, booth("A9", 2, 2, { priceNoteEn: "Free for NGOs", priceNoteEs: "Gratis para ONG", tentSupplied: true }));
    expect(renamed).toEqual({ published: false, changed: true, emailed: 0 });
    await editBooth(actor, eventId, boothId, booth("A9", 10, 5, { priceNoteEn: "Free for NGOs", priceNoteEs: "Gratis para ONG", tentSupplied: true }));
    await editBooth(actor, eventId, boothId, booth("A9", 10, 5, { priceNoteEn: "Free for NGOs", priceNoteEs: "Gratis para ONG", tentSupplied: true, size: "LARGE", mapWidth: 6 }));
    // Saving what is already there changes nothing and writes nothing.
    expect(await editBooth(actor, eventId, boothId, booth("A9", 10, 5, { priceNoteEn: "Free for NGOs", priceNoteEs: "Gratis para ONG", tentSupplied: true, size: "LARGE", mapWidth: 6 }))).toEqual({
      published: false,
      changed: false,
      emailed: 0,
    });
    expect(await rowOf(boothId)).toMatchObject({ code: "A9", size: "LARGE", tentSupplied: true, mapX: 10, mapY: 5, mapWidth: 6, mapHeight: 3 });

    const { code } = await deleteBooth(actor, eventId, boothId);
    expect(code).toBe("A9");
    expect(await rowOf(boothId)).toBeNull();

    const audit = await auditOf(boothId);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["booth.add", actor.userId],
      ["booth.edit", actor.userId],
      ["booth.edit", actor.userId],
      ["booth.edit", actor.userId],
      ["booth.delete", actor.userId],
    ]);
    expect(audit[0]).toMatchObject({ before: null, after: { code: "A1", mapX: 2, mapY: 2, mapWidth: 3, mapHeight: 3, priceNoteEs: "Gratis para ONG" } });
    // An edit records the fields it changed, before and after, and no others.
    expect(audit[1]).toMatchObject({ before: { code: "A1", tentSupplied: false }, after: { code: "A9", tentSupplied: true } });
    expect(audit[2]).toMatchObject({ before: { mapX: 2, mapY: 2 }, after: { mapX: 10, mapY: 5 } });
    expect(audit[3]).toMatchObject({ before: { size: "STANDARD", mapWidth: 3 }, after: { size: "LARGE", mapWidth: 6 } });
    expect(Object.keys(audit[3]!.after as object).sort()).toEqual(["mapWidth", "size"]);
    expect(audit[4]).toMatchObject({ before: { code: "A9", mapX: 10, mapWidth: 6 }, after: null });
  });

  it("refuses a booth that overlaps another, naming it, or leaves the area; nothing changes", async () => {
    const eventId = await walk();
    await addBooth(actor, eventId, booth("A1", 0, 0));
    const { boothId: b2 } = await addBooth(actor, eventId, booth("A2", 4, 0));
    const before = await boothsOf(eventId);

    await expect(addBooth(actor, eventId, booth("A3", 2, 2))).rejects.toEqual(new BoothOverlap("A1"));
    await expect(addBooth(actor, eventId, booth("A3", BOOTH_AREA.width - 2, 0))).rejects.toBeInstanceOf(BoothOutsideArea);
    await expect(addBooth(actor, eventId, booth("A3", 0, BOOTH_AREA.height - 2))).rejects.toBeInstanceOf(BoothOutsideArea);
    // Moving A2 onto A1, or growing it into A1, or out of the area.
    const overlap = await editBooth(actor, eventId, b2, booth("A2", 1, 1)).catch((e: unknown) => e);
    expect(overlap).toBeInstanceOf(BoothOverlap);
    expect((overlap as BoothOverlap).otherCode).toBe("A1");
    await expect(editBooth(actor, eventId, b2, booth("A2", 4, 0, { mapX: 2, mapWidth: 5 }))).rejects.toEqual(new BoothOverlap("A1"));
    await expect(editBooth(actor, eventId, b2, booth("A2", 4, 0, { mapHeight: BOOTH_AREA.height + 1 }))).rejects.toBeInstanceOf(BoothOutsideArea);
    // Touching along an edge is allowed.
    await editBooth(actor, eventId, b2, booth("A2", 3, 0));

    expect(await boothsOf(eventId)).toEqual(before.map((b) => (b.code === "A2" ? { ...b, mapX: 3 } : b)));
    expect((await auditOf(b2)).map((a) => a.action)).toEqual(["booth.add", "booth.edit"]);
  });

  it("keeps codes unique per walk: another walk may use the same code", async () => {
    const eventId = await walk();
    const other = await walk();
    await addBooth(actor, eventId, booth("B1", 0, 0));
    const { boothId } = await addBooth(actor, eventId, booth("B2", 5, 0));
    await expect(addBooth(actor, eventId, booth("b1", 10, 0))).rejects.toEqual(new BoothCodeTaken("B1"));
    await expect(editBooth(actor, eventId, boothId, booth("B1", 5, 0))).rejects.toEqual(new BoothCodeTaken("B1"));
    await addBooth(actor, other, booth("B1", 0, 0));
    expect((await boothsOf(eventId)).map((b) => b.code)).toEqual(["B1", "B2"]);
  });

  it("two organisers placing booths on one spot at once: one is saved, the other refused", async () => {
    const eventId = await walk();
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => addBooth(actor, eventId, booth(`C${i}`, 20 + (i % 2), 10))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(BoothOverlap);
    expect(await boothsOf(eventId)).toHaveLength(1);
  });

  it("refuses to delete a booth with a pending or approved booking, and deletes one whose booking ended", async () => {
    const eventId = await walk();
    const { boothId: approved } = await addBooth(actor, eventId, booth("D1", 0, 0));
    const { boothId: pending } = await addBooth(actor, eventId, booth("D2", 4, 0));
    const { boothId: ended } = await addBooth(actor, eventId, booth("D3", 8, 0));
    await book(approved, "APPROVED");
    await book(pending, "PENDING");
    const { bookingId } = await book(ended, "PENDING");
    await db.boothBooking.update({ where: { id: bookingId }, data: { status: "CANCELLED", activeBoothId: null } });

    await expect(deleteBooth(actor, eventId, approved)).rejects.toEqual(new BoothBooked("D1"));
    await expect(deleteBooth(actor, eventId, pending)).rejects.toEqual(new BoothBooked("D2"));
    expect((await boothsOf(eventId)).map((b) => b.code)).toEqual(["D1", "D2", "D3"]);
    expect(await db.auditLog.count({ where: { entityId: { in: [approved, pending] }, action: "booth.delete" } })).toBe(0);

    await deleteBooth(actor, eventId, ended);
    expect((await boothsOf(eventId)).map((b) => b.code)).toEqual(["D1", "D2"]);
  });

  it("moving or resizing a booked booth queues exactly one email to its partner, in the same transaction", async () => {
    const eventId = await walk();
    const { boothId } = await addBooth(actor, eventId, booth("E1", 0, 0));
    const { bookingId, email } = await book(boothId, "APPROVED");
    const moved = () => db.emailOutbox.findMany({ where: { template: "booth-moved", idempotencyKey: { startsWith: `booth-moved:${bookingId}:` } } });

    // A rename or a new price note is no move: no email.
    expect(await editBooth(actor, eventId, boothId, booth("E2", 0, 0, { priceNoteEn: "Free" }))).toMatchObject({ emailed: 0 });
    // A refused move queues nothing.
    await addBooth(actor, eventId, booth("E3", 10, 10));
    await expect(editBooth(actor, eventId, boothId, booth("E2", 9, 9, { priceNoteEn: "Free" }))).rejects.toBeInstanceOf(BoothOverlap);
    expect(await moved()).toHaveLength(0);

    expect(await editBooth(actor, eventId, boothId, booth("E2", 5, 16, { priceNoteEn: "Free" }))).toEqual({ published: false, changed: true, emailed: 1 });
    const [email1, ...more] = await moved();
    expect(more).toHaveLength(0);
    expect(email1).toMatchObject({
      toAddress: email,
      language: "ES",
      payload: { bookingId, boothCode: "E2", moved: true, resized: false, mapX: 5, mapY: 16, mapWidth: 3, mapHeight: 3 },
    });
    // The booth, its audit entry and the email were written by one transaction.
    const xmin = async (table: "Booth" | "EmailOutbox" | "AuditLog", id: string) =>
      (await db.$queryRawUnsafe<{ xmin: string }[]>(`SELECT xmin::text AS xmin FROM "${table}" WHERE id = $1::uuid`, id))[0]!.xmin;
    const lastEdit = (await auditOf(boothId)).at(-1)!;
    expect(await xmin("EmailOutbox", email1!.id)).toBe(await xmin("Booth", boothId));
    expect(await xmin("AuditLog", lastEdit.id)).toBe(await xmin("Booth", boothId));

    // A resize is told as a resize, in a message of its own.
    await editBooth(actor, eventId, boothId, booth("E2", 5, 16, { priceNoteEn: "Free", mapWidth: 4 }));
    expect((await moved()).map((m) => (m.payload as { resized: boolean; moved: boolean; mapWidth: number })).find((p) => p.resized)).toMatchObject({
      moved: false,
      resized: true,
      mapWidth: 4,
    });
    expect(await moved()).toHaveLength(2);
  });

  it("a booth's hold that has passed is no booking: its move emails nobody and it can be deleted", async () => {
    const eventId = await walk();
    const { boothId } = await addBooth(actor, eventId, booth("F1", 0, 0));
    const { bookingId } = await book(boothId, "PENDING");
    await db.boothBooking.update({ where: { id: bookingId }, data: { holdExpiresAt: new Date(Date.now() - 60_000) } });
    expect((await getBoothLayout(actor, eventId)).find((b) => b.id === boothId)).toMatchObject({ state: "available", booking: null });
    expect(await editBooth(actor, eventId, boothId, booth("F1", 4, 0))).toMatchObject({ emailed: 0 });
    await deleteBooth(actor, eventId, boothId);
    expect(await rowOf(boothId)).toBeNull();
  });

  it("lists the walk's booths with their live bookings for the editor", async () => {
    const eventId = await walk();
    const { boothId } = await addBooth(actor, eventId, booth("G1", 0, 0));
    await addBooth(actor, eventId, booth("G2", 0, 4));
    await book(boothId, "APPROVED");
    const layout = await getBoothLayout(actor, eventId);
    expect(layout.map((b) => [b.code, b.state, b.booking?.status ?? null])).toEqual([
      ["G1", "booked", "APPROVED"],
      ["G2", "available", null],
    ]);
    expect(layout[0]!.booking!.organisation).toBe("Safe Passage");
  });

  it("refuses another walk's booth id, a made-up one and an unknown walk, changing nothing", async () => {
    const eventId = await walk();
    const other = await walk();
    const { boothId: foreign } = await addBooth(actor, other, booth("H1", 0, 0));
    await addBooth(actor, eventId, booth("H2", 10, 0));

    await expect(editBooth(actor, eventId, foreign, booth("H1", 30, 10))).rejects.toBeInstanceOf(BoothNotOnMap);
    await expect(deleteBooth(actor, eventId, foreign)).rejects.toBeInstanceOf(BoothNotOnMap);
    await expect(editBooth(actor, eventId, randomUUID(), booth("H3", 30, 10))).rejects.toBeInstanceOf(BoothNotOnMap);
    await expect(deleteBooth(actor, eventId, "not-an-id")).rejects.toBeInstanceOf(BoothNotOnMap);
    await expect(addBooth(actor, randomUUID(), booth("H3", 30, 10))).rejects.toBeInstanceOf(EditionNotFound);
    await expect(editBooth(actor, "nope", foreign, booth("H1", 30, 10))).rejects.toBeInstanceOf(EditionNotFound);

    expect(await rowOf(foreign)).toMatchObject({ code: "H1", mapX: 0, mapY: 0 });
    expect((await boothsOf(eventId)).map((b) => b.code)).toEqual(["H2"]);
    expect((await auditOf(foreign)).map((a) => a.action)).toEqual(["booth.add"]);
  });

  it("is for organisers only, checked against the database", async () => {
    const eventId = await walk();
    const partner = await db.user.create({ data: { email: `p-${randomUUID()}@partners.test`, role: "PARTNER" }, select: { id: true } });
    const forged = { userId: partner.id, role: "ORGANISER" as const };
    await expect(addBooth(forged, eventId, booth("J1", 0, 0))).rejects.toBeInstanceOf(Forbidden);
    await expect(getBoothLayout(forged, eventId)).rejects.toBeInstanceOf(Forbidden);
    expect(await boothsOf(eventId)).toEqual([]);
  });
});
