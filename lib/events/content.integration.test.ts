// The content editor's save: the version check, the completeness rule of a published walk, plain
// text and https links, the audit entry, and ids that are no edition.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { createTestEvent, publishTestEvent } from "../../test/support/events";
import { createActor } from "../../test/support/walkers";
import { Forbidden } from "../auth/roles";
import { createPrismaClient } from "../db/client";
import { ContentIncomplete, getContent, saveContent, type ContentInput } from "./content";
import { EditionChanged, EditionNotFound } from "./edition";

// One test publishes a walk of its own (the current walk): in a database of the file's own.
await vi.hoisted(async () => (await import("../../test/support/own-database")).useOwnDatabase("content"));

const db = createPrismaClient(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());

/** The form as an organiser opens it: every text of the edition, and its version. */
async function openForm(eventId: string): Promise<ContentInput> {
  const e = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  return {
    nameEn: e.nameEn, nameEs: e.nameEs, themeEn: e.themeEn, themeEs: e.themeEs, hostsEn: e.hostsEn, hostsEs: e.hostsEs,
    descriptionEn: e.descriptionEn, descriptionEs: e.descriptionEs, venueName: e.venueName, venueNameEs: e.venueNameEs,
    venueAddress: e.venueAddress, venueAddressEs: e.venueAddressEs, meetingPointEn: e.meetingPointEn, meetingPointEs: e.meetingPointEs,
    whatToBringEn: e.whatToBringEn, whatToBringEs: e.whatToBringEs, mapUrl: e.mapUrl, contactEmail: e.contactEmail ?? "",
    version: String(e.contentVersion),
  };
}

/** A draft edition of the test's own, complete in both languages. */
async function draft() {
  const event = await createTestEvent(db, { capacity: 10 });
  await db.event.update({ where: { id: event.id }, data: { venueNameEs: "Queen's Park Savannah", venueAddressEs: "Queen's Park Savannah, Puerto España" } });
  return event;
}

const audits = (eventId: string) => db.auditLog.findMany({ where: { entityId: eventId, action: "event.content" }, orderBy: { createdAt: "asc" } });

describe("saving an edition's content", () => {
  it("saves plain text with its line breaks, moves the version on, and audits only the fields changed", async () => {
    const organiser = await createActor(db);
    const event = await draft();
    const form = await openForm(event.id);
    const saved = await saveContent(organiser, event.id, {
      ...form,
      themeEs: "  Nadie se queda atrás.  ",
      whatToBringEn: "Water\r\nA hat\r\n",
      whatToBringEs: "Agua\r\nUna gorra",
      nameEn: "Fun\nWalk", // a single-line text: its line break becomes a space
    });
    expect(saved.version).toBe(event.contentVersion + 1);
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after).toMatchObject({ themeEs: "Nadie se queda atrás.", whatToBringEn: "Water\nA hat", whatToBringEs: "Agua\nUna gorra", nameEn: "Fun Walk", contentVersion: saved.version });
    expect(after.themeEn).toBe(event.themeEn);

    const [entry, ...more] = await audits(event.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: organiser.userId, entityType: "Event" });
    expect(entry!.before).toEqual({ nameEn: "Test Walk", themeEs: "Lema", whatToBringEn: "", whatToBringEs: "" });
    expect(entry!.after).toEqual({ nameEn: "Fun Walk", themeEs: "Nadie se queda atrás.", whatToBringEn: "Water\nA hat", whatToBringEs: "Agua\nUna gorra" });

    // The content of a draft may be incomplete while it is prepared.
    await saveContent(organiser, event.id, { ...(await openForm(event.id)), hostsEs: "", descriptionEn: "Only in English" });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ hostsEs: "", descriptionEn: "Only in English" });
  });

  it("refuses a save made on a version someone else has saved since, changing nothing", async () => {
    const [first, second] = [await createActor(db), await createActor(db)];
    const event = await draft();
    const form = await openForm(event.id); // both open the form
    await saveContent(first, event.id, { ...form, themeEn: "First organiser's theme" });
    await expect(saveContent(second, event.id, { ...form, themeEn: "Second organiser's theme", hostsEn: "Someone" })).rejects.toThrow(EditionChanged);
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after).toMatchObject({ themeEn: "First organiser's theme", hostsEn: "Hosts", contentVersion: event.contentVersion + 1 });
    expect(await audits(event.id)).toHaveLength(1);
  });

  it("refuses to save a published walk with a text missing in one language, naming the field and the language", async () => {
    const organiser = await createActor(db);
    const event = await draft();
    await publishTestEvent(db, event.id);
    const form = await openForm(event.id);
    const refused = await saveContent(organiser, event.id, { ...form, nameEs: " ", descriptionEn: "A 5K walk.", themeEn: "New theme" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ContentIncomplete);
    expect((refused as ContentIncomplete).missing).toEqual([
      { field: "name", language: "es" },
      { field: "description", language: "es" },
    ]);
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after).toMatchObject({ nameEs: event.nameEs, descriptionEn: "", themeEn: event.themeEn, contentVersion: event.contentVersion });
    expect(await audits(event.id)).toEqual([]);

    // Complete in both languages, it is saved.
    await saveContent(organiser, event.id, { ...form, descriptionEn: "A 5K walk.", descriptionEs: "Una caminata de 5 km." });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ descriptionEs: "Una caminata de 5 km." });
  });

  it("refuses a map link that is not https, and texts that are too long or hold control characters", async () => {
    const organiser = await createActor(db);
    const event = await draft();
    const form = await openForm(event.id);
    for (const [field, value] of [
      ["mapUrl", "http://www.openstreetmap.org/"],
      ["mapUrl", "javascript:alert(1)"],
      ["mapUrl", "https://"],
      ["themeEs", "x".repeat(301)],
      ["hostsEn", "Hosts\u0000"],
      ["contactEmail", "not an email"],
    ] as const) {
      const refused = await saveContent(organiser, event.id, { ...form, [field]: value }).catch((e: unknown) => e);
      expect(refused, `${field}: ${value}`).toBeInstanceOf(ZodError);
      expect((refused as ZodError).issues.map((issue) => issue.path.join("."))).toEqual([field]);
    }
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after).toMatchObject({ mapUrl: event.mapUrl, themeEs: event.themeEs, contentVersion: event.contentVersion });
    expect(await audits(event.id)).toEqual([]);
  });

  it("answers EditionNotFound for a forged or unknown edition id, and Forbidden for a partner", async () => {
    const organiser = await createActor(db);
    const event = await draft();
    const form = await openForm(event.id);
    for (const id of ["not-an-id", "'; DROP TABLE \"Event\"; --", randomUUID()]) {
      await expect(getContent(organiser, id)).rejects.toThrow(EditionNotFound);
      await expect(saveContent(organiser, id, { ...form, themeEn: "Forged" })).rejects.toThrow(EditionNotFound);
    }
    const partner = await createActor(db, "PARTNER");
    await expect(getContent(partner, event.id)).rejects.toThrow(Forbidden);
    await expect(saveContent(partner, event.id, { ...form, themeEn: "Forged" })).rejects.toThrow(Forbidden);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).themeEn).toBe(event.themeEn);
    expect(await db.event.count({ where: { themeEn: "Forged" } })).toBe(0);
    expect(await getContent(organiser, event.id)).toMatchObject({ themeEn: event.themeEn, status: "DRAFT", contentVersion: event.contentVersion });
  });
});
