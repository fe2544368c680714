import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { Forbidden } from "../auth/roles";
import { db } from "../db";
import { toZonedInput } from "../gate/time";
import { createTestEvent } from "../../test/support/events";
import { createActor } from "../../test/support/walkers";
import { EditionChanged } from "./edition";
import { EditionItemNotFound, ItemAtEnd } from "./edition-list";
import { addProgrammeItem, editProgrammeItem, listProgramme, moveProgrammeItem, removeProgrammeItem } from "./programme";

async function walk() {
  const event = await createTestEvent(db, { capacity: 10 });
  const day = toZonedInput(event.startsAt, event.timezone).slice(0, 10);
  return { event, day, at: (time: string) => new Date(`${day}T${time}:00-04:00`) };
}

const version = async (id: string) => (await db.event.findUniqueOrThrow({ where: { id }, select: { contentVersion: true } })).contentVersion;
const titles = async (eventId: string) =>
  (await db.programmeItem.findMany({ where: { eventId }, orderBy: { sortOrder: "asc" } })).map((item) => item.titleEn);
const audits = (entityId: string) => db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

async function withItems(organiser: Awaited<ReturnType<typeof createActor>>, eventId: string, names: string[]) {
  const ids: string[] = [];
  for (const [index, name] of names.entries()) {
    const { result } = await addProgrammeItem(organiser, eventId, {
      version: String(await version(eventId)),
      time: `0${6 + index}:00`,
      titleEn: name,
      titleEs: `${name} (es)`,
      speaker: "",
    });
    ids.push(result.id);
  }
  return ids;
}

describe("the programme editor", () => {
  it("adds an item at HH:MM on the walk's day in its time zone, after the last one, with its audit entry", async () => {
    const organiser = await createActor(db);
    const { event, at } = await walk();
    const { result, version: next, published } = await addProgrammeItem(organiser, event.id, {
      version: "1",
      time: "07:30",
      titleEn: " Warm-up ",
      titleEs: "Calentamiento",
      speaker: "Coach Ana",
    });
    expect([next, published]).toEqual([2, false]);
    const item = await db.programmeItem.findUniqueOrThrow({ where: { id: result.id } });
    expect(item).toMatchObject({ eventId: event.id, titleEn: "Warm-up", titleEs: "Calentamiento", speaker: "Coach Ana", sortOrder: 0 });
    expect(item.startsAt.toISOString()).toBe(at("07:30").toISOString());
    const [entry] = await audits(item.id);
    expect(entry).toMatchObject({ actorId: organiser.userId, action: "event.programme.add", entityType: "ProgrammeItem", before: null });
    expect(entry!.after).toMatchObject({ titleEn: "Warm-up", speaker: "Coach Ana", startsAt: at("07:30").toISOString(), sortOrder: 0 });

    await addProgrammeItem(organiser, event.id, { version: "2", time: "6:05", titleEn: "Gates open", titleEs: "Apertura", speaker: "" });
    const listed = await listProgramme(organiser, event.id);
    expect(listed.map((i) => [i.time, i.titleEn, i.speaker])).toEqual([
      ["07:30", "Warm-up", "Coach Ana"],
      ["06:05", "Gates open", null],
    ]);
  });

  it("edits an item, recording only the fields that changed", async () => {
    const organiser = await createActor(db);
    const { event, at } = await walk();
    const [id] = await withItems(organiser, event.id, ["Start"]);
    await editProgrammeItem(organiser, event.id, { version: "2", itemId: id!, time: "08:15", titleEn: "Start", titleEs: "Salida", speaker: "The Mayor" });
    const item = await db.programmeItem.findUniqueOrThrow({ where: { id: id! } });
    expect(item).toMatchObject({ titleEs: "Salida", speaker: "The Mayor" });
    expect(item.startsAt.toISOString()).toBe(at("08:15").toISOString());
    const entry = (await audits(id!)).find((a) => a.action === "event.programme.edit")!;
    expect(entry.before).toEqual({ startsAt: at("06:00").toISOString(), titleEs: "Start (es)", speaker: null });
    expect(entry.after).toEqual({ startsAt: at("08:15").toISOString(), titleEs: "Salida", speaker: "The Mayor" });
    expect(await version(event.id)).toBe(3);
  });

  it("moves items up and down by swapping with the neighbour (the order is unique per walk), with audit entries", async () => {
    const organiser = await createActor(db);
    const { event } = await walk();
    const [a, b, c] = await withItems(organiser, event.id, ["A", "B", "C"]);
    await moveProgrammeItem(organiser, event.id, { version: "4", itemId: c!, direction: "up" });
    expect(await titles(event.id)).toEqual(["A", "C", "B"]);
    await moveProgrammeItem(organiser, event.id, { version: "5", itemId: a!, direction: "down" });
    expect(await titles(event.id)).toEqual(["C", "A", "B"]);
    const entry = (await audits(a!)).find((x) => x.action === "event.programme.move")!;
    expect([entry.before, entry.after]).toEqual([{ sortOrder: 0 }, { sortOrder: 1 }]);

    // The first cannot go up, the last cannot go down: refused, nothing changes (not even the version).
    await expect(moveProgrammeItem(organiser, event.id, { version: "6", itemId: c!, direction: "up" })).rejects.toThrow(ItemAtEnd);
    await expect(moveProgrammeItem(organiser, event.id, { version: "6", itemId: b!, direction: "down" })).rejects.toThrow(ItemAtEnd);
    expect(await titles(event.id)).toEqual(["C", "A", "B"]);
    expect(await version(event.id)).toBe(6);
  });

  it("removes an item, keeping what it was in the audit log", async () => {
    const organiser = await createActor(db);
    const { event } = await walk();
    const [a, b] = await withItems(organiser, event.id, ["A", "B"]);
    await removeProgrammeItem(organiser, event.id, { version: "3", itemId: a! });
    expect(await titles(event.id)).toEqual(["B"]);
    const entry = (await audits(a!)).find((x) => x.action === "event.programme.remove")!;
    expect(entry.before).toMatchObject({ titleEn: "A", titleEs: "A (es)", eventId: event.id });
    expect(entry.after).toBeNull();
    // The next item goes after the last one left.
    const [c] = await withItems(organiser, event.id, ["C"]);
    expect((await db.programmeItem.findUniqueOrThrow({ where: { id: c! } })).sortOrder).toBeGreaterThan(
      (await db.programmeItem.findUniqueOrThrow({ where: { id: b! } })).sortOrder,
    );
  });

  it("refuses a time outside the walk's day, malformed times and empty titles, changing nothing", async () => {
    const organiser = await createActor(db);
    const { event } = await walk();
    const [id] = await withItems(organiser, event.id, ["A"]);
    const item = { version: "2", titleEn: "Late", titleEs: "Tarde", speaker: "" };
    for (const [time, message] of [
      ["24:00", "timeOutsideDay"],
      ["23:60", "timeOutsideDay"],
      ["7pm", "timeInvalid"],
      ["", "timeInvalid"],
    ] as const) {
      const refused = await addProgrammeItem(organiser, event.id, { ...item, time }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ZodError);
      expect((refused as ZodError).issues[0]).toMatchObject({ path: ["time"], message });
    }
    await expect(editProgrammeItem(organiser, event.id, { ...item, itemId: id!, time: "25:30" })).rejects.toThrow(ZodError);
    await expect(addProgrammeItem(organiser, event.id, { ...item, time: "09:00", titleEs: "  " })).rejects.toThrow(ZodError);
    await expect(addProgrammeItem(organiser, event.id, { ...item, time: "09:00", titleEn: "x".repeat(151) })).rejects.toThrow(ZodError);
    expect(await titles(event.id)).toEqual(["A"]);
    expect(await version(event.id)).toBe(2);
  });

  it("refuses another walk's item id as not found, touching neither walk", async () => {
    const organiser = await createActor(db);
    const mine = await walk();
    const other = await walk();
    const [theirs] = await withItems(organiser, other.event.id, ["Theirs"]);
    const before = await db.programmeItem.findUniqueOrThrow({ where: { id: theirs! } });
    const item = { version: "1", itemId: theirs!, time: "09:00", titleEn: "Mine now", titleEs: "Mía", speaker: "" };
    await expect(editProgrammeItem(organiser, mine.event.id, item)).rejects.toThrow(EditionItemNotFound);
    await expect(moveProgrammeItem(organiser, mine.event.id, { version: "1", itemId: theirs!, direction: "up" })).rejects.toThrow(EditionItemNotFound);
    await expect(removeProgrammeItem(organiser, mine.event.id, { version: "1", itemId: theirs! })).rejects.toThrow(EditionItemNotFound);
    await expect(removeProgrammeItem(organiser, mine.event.id, { version: "1", itemId: "not-a-uuid" })).rejects.toThrow(EditionItemNotFound);
    expect(await db.programmeItem.findUniqueOrThrow({ where: { id: theirs! } })).toEqual(before);
    expect(await version(mine.event.id)).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: theirs!, action: { not: "event.programme.add" } } })).toBe(0);
  });

  it("refuses a save made on a stale version (two organisers at once) and anyone but an organiser", async () => {
    const [first, second] = [await createActor(db), await createActor(db)];
    const { event } = await walk();
    const opened = String(await version(event.id));
    await addProgrammeItem(first, event.id, { version: opened, time: "07:00", titleEn: "First", titleEs: "Primera", speaker: "" });
    await expect(addProgrammeItem(second, event.id, { version: opened, time: "08:00", titleEn: "Second", titleEs: "Segunda", speaker: "" })).rejects.toThrow(
      EditionChanged,
    );
    // A forged version is stale too.
    await expect(addProgrammeItem(second, event.id, { version: "abc", time: "08:00", titleEn: "Second", titleEs: "Segunda", speaker: "" })).rejects.toThrow(
      EditionChanged,
    );
    await expect(
      addProgrammeItem(await createActor(db, "PARTNER"), event.id, { version: "2", time: "08:00", titleEn: "P", titleEs: "P", speaker: "" }),
    ).rejects.toThrow(Forbidden);
    expect(await titles(event.id)).toEqual(["First"]);
    expect(await version(event.id)).toBe(2);
  });
});
