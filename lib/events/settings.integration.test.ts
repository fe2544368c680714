import { describe, expect, it } from "vitest";
import { Forbidden } from "../auth/roles";
import { db } from "../db";
import { WalkerNotFound } from "../registrations/errors";
import { byOrganiser, cancelWalkers } from "../registrations/mutations";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { CapacityBelowConfirmed, RetentionNeedsAdmin, updateEventSettings } from "./settings";

function local(date: Date): string {
  // The form's datetime-local value in Port of Spain (UTC−4).
  return new Date(date.getTime() - 4 * 3_600_000).toISOString().slice(0, 16);
}

async function fullEvent() {
  const event = await createTestEvent(db, { capacity: 2 });
  const walkers = await insertWalkers(db, event.id, [
    { firstName: "C1" },
    { firstName: "C2" },
    { firstName: "W1", status: "WAITING" },
    { firstName: "W2", status: "WAITING" },
    { firstName: "W3", status: "WAITING" },
  ]);
  const settings = {
    capacity: 2,
    startsAt: local(event.startsAt),
    endsAt: local(event.endsAt),
    registrationOpensAt: local(event.registrationOpensAt),
    registrationClosesAt: local(event.registrationClosesAt),
    boothHoldHours: 72,
    walkUpPlaces: 50,
    retentionDays: 60,
    contactEmail: "",
  };
  return { event, walkers, settings };
}

describe("event settings", () => {
  it("raising the capacity promotes the waiting list in sign-up order, with emails and an audit entry", async () => {
    const organiser = await createActor(db);
    const { event, walkers, settings } = await fullEvent();
    const { promoted } = await updateEventSettings(organiser, event.id, { ...settings, capacity: 4 });
    expect(promoted).toBe(2);
    const status = async (i: number) => (await db.walker.findUniqueOrThrow({ where: { id: walkers[i]!.id } })).status;
    expect([await status(2), await status(3), await status(4)]).toEqual(["CONFIRMED", "CONFIRMED", "WAITING"]);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(4);
    const emails = await db.emailOutbox.count({ where: { template: "walker-promoted", toAddress: { in: [walkers[2]!.email, walkers[3]!.email] } } });
    expect(emails).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: event.id, action: "event.settings" } });
    expect(audit.before).toMatchObject({ capacity: 2 });
    expect(audit.after).toMatchObject({ capacity: 4, promoted: 2 });
  });

  it("refuses a capacity below the confirmed walkers, bad dates, and partners, changing nothing", async () => {
    const { event, settings } = await fullEvent();
    const organiser = await createActor(db);
    await expect(updateEventSettings(organiser, event.id, { ...settings, capacity: 1 })).rejects.toThrow(CapacityBelowConfirmed);
    await expect(updateEventSettings(organiser, event.id, { ...settings, endsAt: settings.startsAt })).rejects.toThrow();
    await expect(updateEventSettings(organiser, event.id, { ...settings, capacity: "many" as never })).rejects.toThrow();
    await expect(updateEventSettings(await createActor(db, "PARTNER"), event.id, { ...settings, capacity: 10 })).rejects.toThrow(Forbidden);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(2);
  });
});

const cancelWalkerAsOrganiser = (actor: Parameters<typeof byOrganiser>[0], eventId: string, walkerId: string) =>
  cancelWalkers(byOrganiser(actor, eventId, walkerId), [walkerId]);

describe("organiser cancels a walker", () => {
  it("frees the place for the first waiting walker and audits who did it", async () => {
    const organiser = await createActor(db);
    const { event, walkers } = await fullEvent();
    const result = await cancelWalkerAsOrganiser(organiser, event.id, walkers[0]!.id);
    expect(result).toEqual({ cancelled: 1, promoted: 1 });
    expect((await db.walker.findUniqueOrThrow({ where: { id: walkers[2]!.id } })).status).toBe("CONFIRMED");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: walkers[0]!.id, action: "walker.cancel" } });
    expect(audit).toMatchObject({ actorId: organiser.userId, before: { status: "CONFIRMED" }, after: { status: "CANCELLED" } });
  });

  it("acts as the organiser, with no manage link: a group whose link was replaced is still theirs to change", async () => {
    const organiser = await createActor(db);
    const { event, walkers } = await fullEvent();
    const { groupId } = await db.walker.findUniqueOrThrow({ where: { id: walkers[0]!.id }, select: { groupId: true } });
    await db.registrationGroup.update({ where: { id: groupId }, data: { manageTokenVersion: { increment: 1 } } });
    expect(await cancelWalkerAsOrganiser(organiser, event.id, walkers[0]!.id)).toEqual({ cancelled: 1, promoted: 1 });
  });

  it("refuses partners and walkers of another event", async () => {
    const { event, walkers } = await fullEvent();
    const other = await createTestEvent(db, { capacity: 5 });
    await expect(cancelWalkerAsOrganiser(await createActor(db, "PARTNER"), event.id, walkers[0]!.id)).rejects.toThrow(Forbidden);
    await expect(cancelWalkerAsOrganiser(await createActor(db), other.id, walkers[0]!.id)).rejects.toThrow(WalkerNotFound);
    expect((await db.walker.findUniqueOrThrow({ where: { id: walkers[0]!.id } })).status).toBe("CONFIRMED");
  });

  it("only an admin changes how long personal data is kept, from 1 to 730 days", async () => {
    const { event, settings } = await fullEvent();
    const organiser = await createActor(db);
    const admin = await createActor(db, "ADMIN");
    await expect(updateEventSettings(organiser, event.id, { ...settings, retentionDays: 30 })).rejects.toThrow(RetentionNeedsAdmin);
    for (const bad of [0, 731, 1.5, "soon"]) {
      await expect(updateEventSettings(admin, event.id, { ...settings, retentionDays: bad })).rejects.toThrow();
    }
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).retentionDays).toBe(60);
    // An organiser saving other settings with the number unchanged is fine.
    await updateEventSettings(organiser, event.id, { ...settings, boothHoldHours: 48 });
    await updateEventSettings(admin, event.id, { ...settings, retentionDays: 30 });
    const saved = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect([saved.retentionDays, saved.boothHoldHours]).toEqual([30, 72]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: event.id, action: "event.settings", actorId: admin.userId } });
    expect(audit.before).toMatchObject({ retentionDays: 60 });
    expect(audit.after).toMatchObject({ retentionDays: 30 });
  });

  it("saves the places kept for walk-ups, from 0 to 1000, as an organiser", async () => {
    const { event, settings } = await fullEvent();
    const organiser = await createActor(db);
    for (const bad of [-1, 1001, 2.5, "many"]) {
      await expect(updateEventSettings(organiser, event.id, { ...settings, walkUpPlaces: bad as never })).rejects.toThrow();
    }
    await updateEventSettings(organiser, event.id, { ...settings, walkUpPlaces: 0 });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).walkUpPlaces).toBe(0);
    await updateEventSettings(organiser, event.id, { ...settings, walkUpPlaces: 1000 });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).walkUpPlaces).toBe(1000);
  });
});
