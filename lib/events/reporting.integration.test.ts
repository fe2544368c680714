import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { Forbidden } from "../auth/roles";
import { db } from "../db";
import { createTestEvent } from "../../test/support/events";
import { createActor, insertWalkers } from "../../test/support/walkers";
import { getManageView } from "../registrations/queries";
import { signManageToken } from "../registrations/manage-token";
import { manageSecret } from "../registrations/secret";
import { EditionChanged } from "./edition";
import { EditionItemNotFound } from "./edition-list";
import {
  addReportingResource,
  countReportingResources,
  editReportingResource,
  getReporting,
  moveReportingResource,
  removeReportingResource,
  saveReportingSigns,
} from "./reporting";

const version = async (id: string) => String((await db.event.findUniqueOrThrow({ where: { id }, select: { contentVersion: true } })).contentVersion);
const names = async (eventId: string) =>
  (await db.reportingResource.findMany({ where: { eventId }, orderBy: { sortOrder: "asc" } })).map((r) => r.nameEn);
const audit = (entityId: string, action: string) => db.auditLog.findFirstOrThrow({ where: { entityId, action } });

const hotline = { nameEn: "Counter-Trafficking Unit", nameEs: "Unidad contra la Trata", phone: "+1 868-555-0100", url: "https://example.org/report", hoursEn: "Every day", hoursEs: "Todos los días" };

async function walk() {
  return createTestEvent(db, { capacity: 10 });
}

function refusal(error: unknown) {
  expect(error).toBeInstanceOf(ZodError);
  return (error as ZodError).issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("the reporting resources editor", () => {
  it("saves the signs to notice in both languages, with its audit entry; one language alone is refused", async () => {
    const organiser = await createActor(db);
    const event = await walk();
    await saveReportingSigns(organiser, event.id, { version: "1", signsEn: "Not free to leave\r\nNo ID papers", signsEs: "No puede irse\nSin documentos" });
    const saved = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect([saved.reportingSignsEn, saved.reportingSignsEs, saved.contentVersion]).toEqual(["Not free to leave\nNo ID papers", "No puede irse\nSin documentos", 2]);
    const entry = await audit(event.id, "event.resources.signs");
    expect(entry.before).toEqual({ reportingSignsEn: "", reportingSignsEs: "" });
    expect(entry.after).toEqual({ reportingSignsEn: "Not free to leave\nNo ID papers", reportingSignsEs: "No puede irse\nSin documentos" });

    const refused = await saveReportingSigns(organiser, event.id, { version: "2", signsEn: "Only English", signsEs: "" }).catch((e: unknown) => e);
    expect(refusal(refused)).toEqual([["signsEs", "needsSpanish"]]);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).reportingSignsEn).toBe("Not free to leave\nNo ID papers");
  });

  it("adds, edits, moves and removes resources, each with its audit entry", async () => {
    const organiser = await createActor(db);
    const event = await walk();
    expect(await countReportingResources(organiser, event.id)).toBe(0);
    expect(await getReporting(event.id, "en")).toBeNull(); // hidden while the list is empty

    const { result: a } = await addReportingResource(organiser, event.id, { version: "1", ...hotline });
    expect((await audit(a.id, "event.resources.add")).after).toMatchObject({ ...hotline, eventId: event.id, sortOrder: 0 });
    const { result: b } = await addReportingResource(organiser, event.id, {
      version: "2",
      nameEn: "Police",
      nameEs: "Policía",
      phone: "",
      url: "",
      hoursEn: "",
      hoursEs: "",
    });
    expect(await db.reportingResource.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ phone: null, url: null, hoursEn: "", sortOrder: 1 });

    await editReportingResource(organiser, event.id, { version: "3", itemId: a.id, ...hotline, hoursEn: "24 hours", hoursEs: "24 horas" });
    const edited = await audit(a.id, "event.resources.edit");
    expect([edited.before, edited.after]).toEqual([
      { hoursEn: "Every day", hoursEs: "Todos los días" },
      { hoursEn: "24 hours", hoursEs: "24 horas" },
    ]);

    await moveReportingResource(organiser, event.id, { version: "4", itemId: b.id, direction: "up" });
    expect(await names(event.id)).toEqual(["Police", "Counter-Trafficking Unit"]);
    expect((await audit(b.id, "event.resources.move")).after).toEqual({ sortOrder: 0 });

    // What walkers see, in their language, in the organisers' order.
    expect(await getReporting(event.id, "es")).toEqual({
      signs: [],
      resources: [
        { id: b.id, name: "Policía", phone: null, tel: null, url: null, hours: "" },
        { id: a.id, name: "Unidad contra la Trata", phone: "+1 868-555-0100", tel: "tel:+18685550100", url: "https://example.org/report", hours: "24 horas" },
      ],
    });

    await removeReportingResource(organiser, event.id, { version: "5", itemId: b.id });
    expect(await names(event.id)).toEqual(["Counter-Trafficking Unit"]);
    expect((await audit(b.id, "event.resources.remove")).before).toMatchObject({ nameEn: "Police", nameEs: "Policía" });
    expect(await countReportingResources(organiser, event.id)).toBe(1);
    expect(await version(event.id)).toBe("6");
  });

  it("refuses a link that is not https, a bad phone, a missing language and over-long text, changing nothing", async () => {
    const organiser = await createActor(db);
    const event = await walk();
    const cases: [Record<string, string>, [string, string]][] = [
      [{ url: "http://example.org/report" }, ["url", "httpsOnly"]],
      [{ url: "javascript:alert(1)" }, ["url", "httpsOnly"]],
      [{ url: "https://" }, ["url", "httpsOnly"]],
      [{ phone: "call 555" }, ["phone", "phoneInvalid"]],
      [{ phone: "1".repeat(31) }, ["phone", "tooLong"]],
      [{ nameEs: "" }, ["nameEs", "required"]],
      [{ nameEn: "x".repeat(151) }, ["nameEn", "tooLong"]],
      [{ hoursEs: "" }, ["hoursEs", "needsSpanish"]],
      [{ hoursEn: "" }, ["hoursEn", "needsEnglish"]],
      [{ nameEn: "Line\nbreak" }, ["nameEn", "invalidCharacters"]],
    ];
    for (const [change, issue] of cases) {
      const refused = await addReportingResource(organiser, event.id, { version: "1", ...hotline, ...change }).catch((e: unknown) => e);
      expect(refusal(refused)).toContainEqual(issue);
    }
    expect(await names(event.id)).toEqual([]);
    expect(await version(event.id)).toBe("1");
  });

  it("refuses another walk's resource id as not found, touching neither walk", async () => {
    const organiser = await createActor(db);
    const mine = await walk();
    const other = await walk();
    const { result: theirs } = await addReportingResource(organiser, other.id, { version: "1", ...hotline });
    const before = await db.reportingResource.findUniqueOrThrow({ where: { id: theirs.id } });
    await expect(editReportingResource(organiser, mine.id, { version: "1", itemId: theirs.id, ...hotline, nameEn: "Taken" })).rejects.toThrow(EditionItemNotFound);
    await expect(moveReportingResource(organiser, mine.id, { version: "1", itemId: theirs.id, direction: "down" })).rejects.toThrow(EditionItemNotFound);
    await expect(removeReportingResource(organiser, mine.id, { version: "1", itemId: theirs.id })).rejects.toThrow(EditionItemNotFound);
    expect(await db.reportingResource.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
    expect(await version(mine.id)).toBe("1");
  });

  it("refuses a save on a stale version and anyone but an organiser", async () => {
    const [first, second] = [await createActor(db), await createActor(db)];
    const event = await walk();
    await addReportingResource(first, event.id, { version: "1", ...hotline });
    await expect(addReportingResource(second, event.id, { version: "1", ...hotline, nameEn: "Second" })).rejects.toThrow(EditionChanged);
    await expect(saveReportingSigns(second, event.id, { version: "1", signsEn: "A", signsEs: "B" })).rejects.toThrow(EditionChanged);
    await expect(addReportingResource(await createActor(db, "PARTNER"), event.id, { version: "2", ...hotline })).rejects.toThrow(Forbidden);
    expect(await names(event.id)).toEqual(["Counter-Trafficking Unit"]);
    expect(await version(event.id)).toBe("2");
  });

  it("shows the walk's resources on the walker's ticket page, in the page's language, once there is one", async () => {
    const organiser = await createActor(db);
    const event = await walk();
    const [walker] = await insertWalkers(db, event.id, [{ firstName: "Ana" }]);
    const token = signManageToken(manageSecret(), { groupId: walker!.groupId, version: 1, expiresAt: event.endsAt });
    expect((await getManageView(token, "es"))?.event.reporting).toBeNull();
    await saveReportingSigns(organiser, event.id, { version: "1", signsEn: "No ID papers", signsEs: "Sin documentos" });
    await addReportingResource(organiser, event.id, { version: "2", ...hotline });
    expect((await getManageView(token, "es"))?.event.reporting).toMatchObject({
      signs: ["Sin documentos"],
      resources: [{ name: "Unidad contra la Trata", tel: "tel:+18685550100", hours: "Todos los días" }],
    });
  });
});
