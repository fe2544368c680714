// Starting next year's walk: what a new draft copies, moves and leaves behind.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { editionYear, NotALaterYear, startNextEdition, YearTaken } from "./editions";
import { OutsideWalkYear, updateEventSettings } from "./settings";

const local = (date: Date) => new Date(date.getTime() - 4 * 3_600_000).toISOString().slice(0, 16);

/** A source edition with something of everything an edition holds. */
async function richEdition() {
  const event = await createTestEvent(db, { capacity: 20 });
  await db.event.update({
    where: { id: event.id },
    data: {
      themeEs: "Lema de prueba",
      descriptionEn: "About",
      descriptionEs: "Acerca de",
      reportingSignsEn: "A sign",
      reportingSignsEs: "Una señal",
      boothHoldHours: 48,
      waiverVersion: "w-2",
      programme: { create: [{ startsAt: event.startsAt, titleEn: "Start", titleEs: "Salida", speaker: "A. Host", sortOrder: 0 }] },
      booths: { create: [{ code: "A1", size: "STANDARD", mapX: 2, mapY: 2, mapWidth: 3, mapHeight: 3, priceNoteEn: "Free", priceNoteEs: "Gratis" }] },
      boothAddons: { create: [{ code: "table", nameEn: "Table", nameEs: "Mesa", maxPerBooking: 2 }] },
      reportingResources: { create: [{ nameEn: "Hotline", nameEs: "Línea", phone: "999", url: "https://example.org", sortOrder: 0 }] },
      legalTexts: {
        create: [
          { kind: "WAIVER", version: "w-1", bodyEn: "old", bodyEs: "viejo" },
          { kind: "WAIVER", version: "w-2", bodyEn: "new", bodyEs: "nuevo" },
        ],
      },
    },
  });
  await insertWalkers(db, event.id, [{ firstName: "Walker" }]);
  return event;
}

/** A date in a year no other test's walk uses. */
const farYear = () => 2600 + Math.floor(Math.random() * 300);

describe("start next year's walk", () => {
  it("copies content, programme (moved to the new date), booths, add-ons, settings, resources and the texts in force into a draft, and no walkers", async () => {
    const organiser = await createActor(db);
    const source = await richEdition();
    const year = farYear();
    const { id } = await startNextEdition(organiser, { sourceId: source.id, walkDate: `${year}-07-26` });

    const copy = await db.event.findUniqueOrThrow({
      where: { id },
      include: { programme: true, booths: true, boothAddons: true, reportingResources: true, legalTexts: true, walkers: true },
    });
    expect(copy).toMatchObject({ status: "DRAFT", publishedSlot: null, copiedFromId: source.id, slug: `fun-walk-${year}`, themeEs: "Lema de prueba", descriptionEs: "Acerca de", reportingSignsEs: "Una señal", boothHoldHours: 48, capacity: 20, confirmedCount: 0, waiverVersion: "w-2" });
    // The same wall-clock time on the new day (Port of Spain).
    expect(local(copy.startsAt).slice(0, 10)).toBe(`${year}-07-26`);
    expect(local(copy.startsAt).slice(11)).toBe(local(source.startsAt).slice(11));
    expect(copy.endsAt.getTime() - copy.startsAt.getTime()).toBe(source.endsAt.getTime() - source.startsAt.getTime());
    expect(copy.programme).toMatchObject([{ titleEs: "Salida", speaker: "A. Host", startsAt: copy.startsAt }]);
    expect(copy.booths).toMatchObject([{ code: "A1", priceNoteEs: "Gratis", mapX: 2 }]);
    expect(copy.boothAddons).toMatchObject([{ code: "table" }]);
    expect(copy.reportingResources).toMatchObject([{ nameEs: "Línea", url: "https://example.org" }]);
    expect(copy.legalTexts).toMatchObject([{ kind: "WAIVER", version: "w-2", bodyEs: "nuevo" }]);
    expect(copy.walkers).toHaveLength(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "edition.start", entityId: id } });
    expect(audit.actorId).toBe(organiser.userId);
  });

  it("refuses a date in the same year or earlier, and a year that already has a walk, changing nothing", async () => {
    const organiser = await createActor(db);
    const source = await richEdition();
    const sourceYear = editionYear(source.startsAt);
    const before = await db.event.count();
    await expect(startNextEdition(organiser, { sourceId: source.id, walkDate: `${sourceYear}-12-01` })).rejects.toBeInstanceOf(NotALaterYear);
    const year = farYear();
    await startNextEdition(organiser, { sourceId: source.id, walkDate: `${year}-07-26` });
    await expect(startNextEdition(organiser, { sourceId: source.id, walkDate: `${year}-08-02` })).rejects.toEqual(new YearTaken(year));
    expect(await db.event.count()).toBe(before + 1);
  });

  it("keeps an edition's date in its own year", async () => {
    const organiser = await createActor(db);
    const source = await createTestEvent(db, { capacity: 5 });
    const nextYear = new Date(source.startsAt.getTime() + 366 * 86_400_000);
    const settings = {
      capacity: 5,
      startsAt: local(nextYear),
      endsAt: local(new Date(nextYear.getTime() + 3_600_000)),
      registrationOpensAt: local(source.registrationOpensAt),
      registrationClosesAt: local(source.registrationClosesAt),
      boothHoldHours: 72,
      walkUpPlaces: 50,
      retentionDays: 60,
      contactEmail: "",
    };
    await expect(updateEventSettings(organiser, source.id, settings)).rejects.toEqual(new OutsideWalkYear(editionYear(source.startsAt)));
    expect((await db.event.findUniqueOrThrow({ where: { id: source.id } })).startsAt).toEqual(source.startsAt);
  });
});
