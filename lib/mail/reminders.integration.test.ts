import { describe, expect, it } from "vitest";
import { Forbidden } from "../auth/roles";
import { db } from "../db";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { queueReminder } from "./reminders";

const text = {
  subjectEn: "See you on Sunday",
  bodyEn: "Bring water and your ticket.\n\nRegistration opens at 6:00.",
  subjectEs: "Nos vemos el domingo",
  bodyEs: "Traiga agua y su entrada.\n\nLa inscripción abre a las 6:00.",
};

describe("queueReminder", () => {
  it("queues one email per confirmed address in each walker's language, and audits it", async () => {
    const organiser = await createActor(db);
    const event = await createTestEvent(db);
    const shared = `family-${Date.now()}@example.org`;
    await insertWalkers(db, event.id, [
      { email: shared, language: "ES", firstName: "Mamá" },
      { email: shared.toUpperCase(), language: "ES", firstName: "Hijo" },
      { email: `en-${Date.now()}@example.org`, language: "EN" },
      { status: "WAITING" },
      { status: "CANCELLED" },
      { email: "" }, // a walk-up registered at the gate: no address
    ]);
    const { queued } = await queueReminder(organiser, event.id, text);
    expect(queued).toBe(2);
    const rows = await db.emailOutbox.findMany({ where: { template: "reminder", toAddress: { in: [shared, shared.toUpperCase()] } } });
    expect(rows).toHaveLength(1);
    expect(await db.emailOutbox.count({ where: { template: "reminder", toAddress: "" } })).toBe(0);
    expect(rows[0]).toMatchObject({ language: "ES", payload: { subject: text.subjectEs, body: text.bodyEs }, status: "QUEUED" });
    expect(await db.auditLog.count({ where: { entityId: event.id, action: "email.reminder" } })).toBe(1);
  });

  it("refuses partners and empty messages, queueing nothing", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, [{}]);
    const before = await db.emailOutbox.count({ where: { template: "reminder" } });
    await expect(queueReminder(await createActor(db, "PARTNER"), event.id, text)).rejects.toThrow(Forbidden);
    await expect(queueReminder(await createActor(db), event.id, { ...text, bodyEs: "" })).rejects.toThrow();
    expect(await db.emailOutbox.count({ where: { template: "reminder" } })).toBe(before);
  });
});
