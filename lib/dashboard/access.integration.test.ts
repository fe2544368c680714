// Every dashboard query and mutation in lib/ checks the role against the database itself, so a
// partner (or a forged actor) is refused even if a page or action forgot to check.
import { beforeAll, describe, expect, it } from "vitest";
import { Forbidden, type Actor } from "../auth/roles";
import { db } from "../db";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { listAuditEntries } from "../audit/queries";
import { checkInWalker } from "../checkin/mutations";
import { exportWalkersCsv } from "../walkers/export";
import { listWalkers, walkerFilterSchema } from "../walkers/queries";
import { getOverview } from "./queries";

let partner: Actor;
let forged: Actor;
beforeAll(async () => {
  partner = await createActor(db, "PARTNER");
  // A session claiming to be an organiser for a user who is not one in the database.
  forged = { userId: partner.userId, role: "ORGANISER" };
});

describe("dashboard access", () => {
  for (const [label, who] of [["partner", () => partner], ["forged organiser claim", () => forged]] as const) {
    it(`refuses a ${label} everywhere and changes nothing`, async () => {
      const event = await createTestEvent(db);
      const [walker] = await insertWalkers(db, event.id, [{}]);
      const filter = walkerFilterSchema.parse({});
      await expect(getOverview(who(), event.id)).rejects.toThrow(Forbidden);
      await expect(listWalkers(who(), event.id, filter)).rejects.toThrow(Forbidden);
      await expect(exportWalkersCsv(who(), event.id, filter)).rejects.toThrow(Forbidden);
      await expect(listAuditEntries(who(), {})).rejects.toThrow(Forbidden);
      await expect(checkInWalker({ eventId: event.id, walkerId: walker!.id, method: "QR", actor: who() })).rejects.toThrow(Forbidden);
      expect(await db.checkIn.count({ where: { eventId: event.id } })).toBe(0);
    });
  }
});
