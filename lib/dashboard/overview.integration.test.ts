import type { Actor } from "../auth/roles";
import { beforeAll, expect, it } from "vitest";
import { db } from "../db";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { checkInWalker } from "../checkin/mutations";
import { getOverview } from "./queries";

let actor: Actor;
beforeAll(async () => {
  actor = await createActor(db);
});

it("counts confirmed, waiting, cancelled and checked-in people, with breakdowns and sign-ups per day", async () => {
  const event = await createTestEvent(db, { capacity: 5 });
  const walkers = await insertWalkers(db, event.id, [
    { ageBand: "UNDER_12", tshirtSize: "YOUTH_S", language: "ES", guardianName: "Ana", createdAt: new Date("2027-05-01T15:00:00Z") },
    { ageBand: "AGE_18_34", tshirtSize: "M", createdAt: new Date("2027-05-01T16:00:00Z") },
    { ageBand: "AGE_18_34", tshirtSize: null, language: "ES", createdAt: new Date("2027-05-02T03:30:00Z") }, // 1 May 23:30 in Port of Spain
    { ageBand: "AGE_55_PLUS", tshirtSize: "XL", createdAt: new Date("2027-05-03T12:00:00Z") },
    { status: "WAITING", createdAt: new Date("2027-05-03T13:00:00Z") },
    { status: "WAITING", createdAt: new Date("2027-05-03T14:00:00Z") },
    { status: "CANCELLED", createdAt: new Date("2027-05-03T15:00:00Z") },
  ]);
  await checkInWalker({ eventId: event.id, walkerId: walkers[0]!.id, method: "QR", actor });
  await checkInWalker({ eventId: event.id, walkerId: walkers[0]!.id, method: "QR", actor });
  await checkInWalker({ eventId: event.id, walkerId: walkers[1]!.id, method: "SEARCH", actor });

  const overview = await getOverview(actor, event.id);
  expect(overview).toMatchObject({
    capacity: 5,
    confirmed: 4,
    waiting: 2,
    cancelled: 1,
    checkedIn: 2,
    placesLeft: 1,
    byAgeBand: { UNDER_12: 1, AGE_18_34: 2, AGE_55_PLUS: 1 },
    byTshirtSize: { YOUTH_S: 1, M: 1, XL: 1, NONE: 1 },
    byLanguage: { ES: 2, EN: 2 },
    signupsPerDay: [
      { day: "2027-05-01", count: 3 },
      { day: "2027-05-03", count: 4 },
    ],
  });
  expect(overview!.booths).toEqual({ total: 0, available: 0, pending: 0, approved: 0 });
});

it("returns null for an unknown event", async () => {
  expect(await getOverview(actor, "00000000-0000-0000-0000-000000000000")).toBeNull();
});
