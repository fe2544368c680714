import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { Forbidden } from "../auth/roles";
import { db } from "../db";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";
import { EditionChanged, EditionNotFound } from "./edition";
import { acceptedTexts, getLegalTexts, getLegalTextVersion, LegalTextNotFound, saveLegalText } from "./legal-texts";

const messages = (language: "en" | "es") =>
  JSON.parse(readFileSync(`messages/${language}.json`, "utf8")) as {
    Register: { waiverText: string };
    Dashboard: { texts: { errors: Record<string, string> } };
  };

/** The year the walk's labels start with (test walks start years ahead, in Port of Spain). */
const yearOf = (walk: { startsAt: Date }) => new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "America/Port_of_Spain" }).format(walk.startsAt);

describe("waiver and privacy texts", () => {
  it("starts from the built-in texts; each save makes a new version, never changes an old one, moves the walk's label and is audited", async () => {
    const organiser = await createActor(db);
    const walk = await createTestEvent(db);
    const year = yearOf(walk);
    const [walker] = await insertWalkers(db, walk.id, [{ firstName: "Kept" }]);

    const before = await getLegalTexts(organiser, walk.id);
    expect(before.WAIVER).toMatchObject({ current: "test-1", saved: false, bodyEn: messages("en").Register.waiverText, bodyEs: messages("es").Register.waiverText, versions: [] });
    expect(before.PRIVACY).toMatchObject({ current: PRIVACY_NOTICE_VERSION, saved: false, versions: [] });
    // The built-in notice as plain text, with this walk's own hosts, in each language.
    expect(before.PRIVACY.bodyEn).toContain("The walk's hosts, Hosts, are responsible for your data.");
    expect(before.PRIVACY.bodyEs).toContain("Los organizadores de la caminata, Organizadores, son responsables de sus datos.");

    const first = await saveLegalText(organiser, walk.id, { kind: "WAIVER", openedAt: "test-1", bodyEn: "  Walk at your own risk.\r\nStay safe.  ", bodyEs: "Camine bajo su propio riesgo.\r\nCuídese." });
    expect(first.version).toBe(`${year}-1`);
    const second = await saveLegalText(organiser, walk.id, { kind: "WAIVER", openedAt: first.version, bodyEn: "Second waiver.", bodyEs: "Segunda exención." });
    expect(second.version).toBe(`${year}-2`);

    const rows = await db.legalText.findMany({ where: { eventId: walk.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.kind, r.version, r.bodyEn, r.bodyEs, r.createdById])).toEqual([
      // The first version as it was saved (line breaks made plain, ends trimmed), unchanged by the second.
      ["WAIVER", `${year}-1`, "Walk at your own risk.\nStay safe.", "Camine bajo su propio riesgo.\nCuídese.", organiser.userId],
      ["WAIVER", `${year}-2`, "Second waiver.", "Segunda exención.", organiser.userId],
    ]);
    const event = await db.event.findUniqueOrThrow({ where: { id: walk.id } });
    expect([event.waiverVersion, event.privacyVersion]).toEqual([`${year}-2`, null]);
    // The walker keeps the version they accepted, and can still read it.
    expect((await db.walker.findUniqueOrThrow({ where: { id: walker!.id } })).waiverVersion).toBe("test-1");
    const accepted = await acceptedTexts(walk.id, "es", { waiver: ["test-1", `${year}-1`], privacy: [PRIVACY_NOTICE_VERSION, "1999-1"] });
    expect(accepted.waiver.get("test-1")).toBe(messages("es").Register.waiverText);
    expect(accepted.waiver.get(`${year}-1`)).toBe("Camine bajo su propio riesgo.\nCuídese.");
    expect(accepted.privacy.get(PRIVACY_NOTICE_VERSION)).toContain("Organizadores");
    expect(accepted.privacy.get("1999-1")).toBeNull();

    const audit = await db.auditLog.findMany({ where: { entityId: walk.id, action: "legal.waiver" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorId, a.entityType, a.before, a.after])).toEqual([
      [organiser.userId, "Event", { version: "test-1" }, { version: `${year}-1` }],
      [organiser.userId, "Event", { version: `${year}-1` }, { version: `${year}-2` }],
    ]);

    const after = await getLegalTexts(organiser, walk.id);
    expect(after.WAIVER).toMatchObject({ current: `${year}-2`, saved: true, bodyEn: "Second waiver.", bodyEs: "Segunda exención." });
    expect(after.WAIVER.versions.map((v) => v.version)).toEqual([`${year}-2`, `${year}-1`]);
    const old = await getLegalTextVersion(organiser, walk.id, after.WAIVER.versions[1]!.id);
    expect(old).toMatchObject({ kind: "WAIVER", version: `${year}-1`, bodyEn: "Walk at your own risk.\nStay safe." });
    // Another edition's text is none of this one's.
    await expect(getLegalTextVersion(organiser, (await createTestEvent(db)).id, old.id)).rejects.toThrow(LegalTextNotFound);
  });

  it("saves the walk's own privacy notice after the built-in one's version, and the walk's privacy version moves to it", async () => {
    const organiser = await createActor(db);
    const walk = await createTestEvent(db);
    // The built-in notice's label counts as used: the first saved notice never takes it.
    const builtInYear = PRIVACY_NOTICE_VERSION.split("-")[0]!;
    await db.event.update({ where: { id: walk.id }, data: { startsAt: new Date(`${builtInYear}-07-30T12:00:00Z`), endsAt: new Date(`${builtInYear}-07-30T17:00:00Z`) } });
    const { version } = await saveLegalText(organiser, walk.id, { kind: "PRIVACY", openedAt: PRIVACY_NOTICE_VERSION, bodyEn: "Our notice.", bodyEs: "Nuestro aviso." });
    expect(version).toBe(`${builtInYear}-${Number(PRIVACY_NOTICE_VERSION.split("-")[1]) + 1}`);
    const event = await db.event.findUniqueOrThrow({ where: { id: walk.id } });
    expect([event.privacyVersion, event.waiverVersion]).toEqual([version, "test-1"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: walk.id, action: "legal.privacy" } });
    expect([audit.before, audit.after]).toEqual([{ version: PRIVACY_NOTICE_VERSION }, { version }]);
    expect((await acceptedTexts(walk.id, "en", { waiver: [], privacy: [version] })).privacy.get(version)).toBe("Our notice.");
  });

  it("refuses a save opened at a version someone else has moved on from, changing nothing", async () => {
    const organiser = await createActor(db);
    const other = await createActor(db);
    const walk = await createTestEvent(db);
    const { version } = await saveLegalText(other, walk.id, { kind: "WAIVER", openedAt: "test-1", bodyEn: "Theirs.", bodyEs: "Suyo." });
    // This form was opened before their save.
    await expect(saveLegalText(organiser, walk.id, { kind: "WAIVER", openedAt: "test-1", bodyEn: "Mine.", bodyEs: "Mío." })).rejects.toThrow(EditionChanged);
    expect((await db.event.findUniqueOrThrow({ where: { id: walk.id } })).waiverVersion).toBe(version);
    expect(await db.legalText.findMany({ where: { eventId: walk.id }, select: { bodyEn: true } })).toEqual([{ bodyEn: "Theirs." }]);
    expect(await db.auditLog.count({ where: { entityId: walk.id, actorId: organiser.userId } })).toBe(0);
    // Two saves opened at the same version at once: one wins, the other is refused.
    const both = await Promise.allSettled(
      ["A", "B"].map((n) => saveLegalText(organiser, walk.id, { kind: "WAIVER", openedAt: version, bodyEn: n, bodyEs: n })),
    );
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(EditionChanged) });
    expect(await db.legalText.count({ where: { eventId: walk.id } })).toBe(2);
  });

  it("refuses an empty Spanish text naming it, a text too long, partners and unknown walks, changing nothing", async () => {
    const organiser = await createActor(db);
    const walk = await createTestEvent(db);
    const refusal = await saveLegalText(organiser, walk.id, { kind: "WAIVER", openedAt: "test-1", bodyEn: "English only.", bodyEs: " \r\n " }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ZodError);
    expect((refusal as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["bodyEs", "bodyEsRequired"]]);
    // The sentence next to the field names the language, in both languages.
    expect(messages("en").Dashboard.texts.errors.bodyEsRequired).toMatch(/^Write the Spanish text/);
    expect(messages("es").Dashboard.texts.errors.bodyEsRequired).toMatch(/^Escriba el texto en español/);

    const tooLong = await saveLegalText(organiser, walk.id, { kind: "WAIVER", openedAt: "test-1", bodyEn: "x".repeat(5_001), bodyEs: "y" }).catch((e: unknown) => e);
    expect((tooLong as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["bodyEn", "bodyEnTooLong"]]);
    const control = await saveLegalText(organiser, walk.id, { kind: "PRIVACY", openedAt: PRIVACY_NOTICE_VERSION, bodyEn: "a\u0000b", bodyEs: "c" }).catch((e: unknown) => e);
    expect((control as ZodError).issues.map((i) => i.path.join("."))).toEqual(["bodyEn"]);

    const text = { kind: "WAIVER" as const, openedAt: "test-1", bodyEn: "E", bodyEs: "S" };
    await expect(saveLegalText(await createActor(db, "PARTNER"), walk.id, text)).rejects.toThrow(Forbidden);
    await expect(saveLegalText(organiser, "00000000-0000-4000-8000-000000000000", text)).rejects.toThrow(EditionNotFound);
    await expect(saveLegalText(organiser, "not-an-id", text)).rejects.toThrow(EditionNotFound);

    expect(await db.legalText.count({ where: { eventId: walk.id } })).toBe(0);
    const event = await db.event.findUniqueOrThrow({ where: { id: walk.id } });
    expect([event.waiverVersion, event.privacyVersion]).toEqual(["test-1", null]);
    expect(await db.auditLog.count({ where: { entityId: walk.id } })).toBe(0);
  });
});
