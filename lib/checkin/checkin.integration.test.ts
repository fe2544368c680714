import type { Actor } from "../auth/roles";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { checkInWalker, TicketNotFound, WalkerNotConfirmed } from "./mutations";

let actor: Actor;
beforeAll(async () => {
  actor = await createActor(db);
});

describe("checkInWalker", () => {
  it("counts a walker once under 20 simultaneous scans and writes one audit entry", async () => {
    const event = await createTestEvent(db);
    const [walker] = await insertWalkers(db, event.id, [{ guardianName: "María Pérez", ageBand: "AGE_12_17" }]);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        checkInWalker({ eventId: event.id, ticketCode: walker!.ticketCode, method: "QR", actor }),
      ),
    );
    expect(results.filter((r) => r.firstTime)).toHaveLength(1);
    const times = new Set(results.map((r) => r.checkedInAt.toISOString()));
    expect(times.size).toBe(1);
    expect(await db.checkIn.count({ where: { eventId: event.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: walker!.id, action: "walker.check-in" } })).toBe(1);
    expect(results[0]!.walker).toMatchObject({ guardianName: "María Pérez", ageBand: "AGE_12_17" });
  });

  it("accepts a typed code in any case with spaces or dashes", async () => {
    const event = await createTestEvent(db);
    const [walker] = await insertWalkers(db, event.id, [{}]);
    const typed = `${walker!.ticketCode.slice(0, 5).toLowerCase()}-${walker!.ticketCode.slice(5)} `;
    const result = await checkInWalker({ eventId: event.id, ticketCode: typed, method: "SEARCH", actor });
    expect(result.firstTime).toBe(true);
  });

  it("refuses unknown tickets, tickets of another event, and walkers not confirmed", async () => {
    const event = await createTestEvent(db);
    const other = await createTestEvent(db);
    const [waiting, cancelled] = await insertWalkers(db, event.id, [{ status: "WAITING" }, { status: "CANCELLED" }]);
    const [elsewhere] = await insertWalkers(db, other.id, [{}]);
    await expect(checkInWalker({ eventId: event.id, ticketCode: "NOSUCHCODE", method: "QR", actor })).rejects.toThrow(TicketNotFound);
    await expect(checkInWalker({ eventId: event.id, ticketCode: elsewhere!.ticketCode, method: "QR", actor })).rejects.toThrow(TicketNotFound);
    await expect(checkInWalker({ eventId: event.id, ticketCode: waiting!.ticketCode, method: "QR", actor })).rejects.toThrow(WalkerNotConfirmed);
    await expect(checkInWalker({ eventId: event.id, walkerId: cancelled!.id, method: "SEARCH", actor })).rejects.toThrow(WalkerNotConfirmed);
    expect(await db.checkIn.count({ where: { eventId: event.id } })).toBe(0);
  });
});
