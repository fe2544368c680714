// What organisers see of the gate: passes with their last contact and check-ins, double scans, the
// gate board, and the overview's checked-in count, which counts gate check-ins too.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Forbidden } from "../auth/roles";
import { getOverview } from "../dashboard/queries";
import { db } from "../db";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { createGatePass, syncGateItems } from "./mutations";
import { authenticateGate } from "./pass";
import { getGateBoard, listDuplicateScans, listGatePasses } from "./queries";
import { toZonedInput } from "./time";
import { signPassCookie } from "./token";

const at = () => new Date().toISOString();

describe("the organisers' gate page", () => {
  it("shows each pass's check-ins and last contact, the double scans, and counts gate check-ins everywhere", async () => {
    const organiser = await createActor(db);
    const event = await createTestEvent(db);
    const walkers = await insertWalkers(db, event.id, [{}, {}, {}, { status: "WAITING" }]);
    const window = { opensAt: toZonedInput(new Date(Date.now() - 3_600_000), event.timezone), closesAt: toZonedInput(new Date(Date.now() + 3_600_000), event.timezone) };
    const north = await createGatePass(organiser, event.id, { label: "North gate, phone 2", ...window });
    const south = await createGatePass(organiser, event.id, { label: "South gate", ...window });
    const secret = process.env.AUTH_SECRET!;
    const northActor = await authenticateGate(signPassCookie(secret, north.id));
    const southActor = await authenticateGate(signPassCookie(secret, south.id));
    const before = (await getOverview(organiser, event.id))!.checkedIn;

    await syncGateItems(northActor, [
      { id: randomUUID(), kind: "checkin", ticketCode: walkers[0]!.ticketCode, at: at() },
      { id: randomUUID(), kind: "checkin", ticketCode: walkers[1]!.ticketCode, at: at() },
    ]);
    await syncGateItems(southActor, [{ id: randomUUID(), kind: "checkin", ticketCode: walkers[0]!.ticketCode, at: at() }]);

    expect((await getOverview(organiser, event.id))!.checkedIn).toBe(before + 2);
    const passes = await listGatePasses(organiser, event.id);
    expect(passes.map((p) => [p.label, p._count.checkIns, p.lastSeenAt !== null])).toEqual([
      ["South gate", 0, true],
      ["North gate, phone 2", 2, true],
    ]);
    const doubles = await listDuplicateScans(organiser, event.id);
    expect(doubles).toHaveLength(1);
    expect(doubles[0]).toMatchObject({ ticketCode: walkers[0]!.ticketCode, pass: "South gate", firstPass: "North gate, phone 2" });
    const board = await getGateBoard(organiser, event.id);
    expect(board).toMatchObject({ checkedIn: 2, expected: 3, perPass: [{ passId: north.id, label: "North gate, phone 2", count: 2 }] });
    expect(board.perFiveMinutes.reduce((sum, b) => sum + b.count, 0)).toBe(2);
    expect(board.perFiveMinutes[0]!.at.getTime() % 300_000).toBe(0);
  });

  it("refuses partners and a forged organiser claim, making no pass", async () => {
    const partner = await createActor(db, "PARTNER");
    const forged = { userId: partner.userId, role: "ORGANISER" as const };
    const event = await createTestEvent(db);
    for (const who of [partner, forged]) {
      await expect(listGatePasses(who, event.id)).rejects.toThrow(Forbidden);
      await expect(listDuplicateScans(who, event.id)).rejects.toThrow(Forbidden);
      await expect(getGateBoard(who, event.id)).rejects.toThrow(Forbidden);
      await expect(createGatePass(who, event.id, { label: "x", opensAt: "2030-01-01T04:00", closesAt: "2030-01-01T12:00" })).rejects.toThrow(Forbidden);
    }
    expect(await db.gatePass.count({ where: { eventId: event.id } })).toBe(0);
  });
});
