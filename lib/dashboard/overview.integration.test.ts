import type { Actor } from "../auth/roles";
import { beforeAll, expect, it } from "vitest";
import { db } from "../db";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { checkInWalker } from "../checkin/mutations";
import { storeEditionSummary } from "../privacy/summary";
import { getOverview, getPastEditions } from "./queries";

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

it("counts sign-ups per day of the walk's own time zone, across daylight-saving changes", async () => {
  const event = await createTestEvent(db);
  await db.event.update({ where: { id: event.id }, data: { timezone: "Europe/London" } });
  await insertWalkers(db, event.id, [
    { createdAt: new Date("2027-03-27T23:30:00Z") }, // 27 March 23:30 GMT
    { createdAt: new Date("2027-03-28T22:59:00Z") }, // 28 March 23:59 BST (clocks went forward at 01:00 UTC)
    { createdAt: new Date("2027-03-28T23:30:00Z") }, // 29 March 00:30 BST
    { status: "WAITING", createdAt: new Date("2027-10-30T23:30:00Z") }, // 31 October 00:30 BST
    { status: "CANCELLED", createdAt: new Date("2027-10-31T23:30:00Z") }, // 31 October 23:30 GMT (clocks went back)
  ]);
  const overview = await getOverview(actor, event.id);
  expect(overview!.signupsPerDay).toEqual([
    { day: "2027-03-27", count: 1 },
    { day: "2027-03-28", count: 1 },
    { day: "2027-03-29", count: 1 },
    { day: "2027-10-31", count: 2 },
  ]);
});

it("puts sign-ups either side of midnight on the right day where the offset is not whole hours", async () => {
  const event = await createTestEvent(db);
  await db.event.update({ where: { id: event.id }, data: { timezone: "Asia/Kathmandu" } }); // UTC+05:45
  await insertWalkers(db, event.id, [
    { createdAt: new Date("2027-06-01T18:14:59Z") }, // 1 June 23:59:59
    { createdAt: new Date("2027-06-01T18:15:00Z") }, // 2 June 00:00
    { createdAt: new Date("2027-06-01T18:29:00Z") }, // 2 June 00:14
  ]);
  expect((await getOverview(actor, event.id))!.signupsPerDay).toEqual([
    { day: "2027-06-01", count: 1 },
    { day: "2027-06-02", count: 2 },
  ]);
});

it("has no sign-up days and no breakdowns for a walk nobody has joined", async () => {
  const event = await createTestEvent(db);
  expect(await getOverview(actor, event.id)).toMatchObject({
    confirmed: 0,
    waiting: 0,
    cancelled: 0,
    byAgeBand: {},
    signupsPerDay: [],
  });
});

it("groups the walkers in the order of one index, without sorting them", async () => {
  // As in the trigram test: a tiny table would be scanned anyway, so scans are priced out. Whether
  // the scan is index-only depends on the visibility map (vacuum), not on this schema.
  const event = await createTestEvent(db);
  const plan = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
    return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
      EXPLAIN SELECT status, "ageBand", "tshirtSize", language, count(*) FROM "Walker"
       WHERE "eventId" = ${event.id}::uuid GROUP BY 1, 2, 3, 4`;
  });
  const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
  expect(text).toMatch(/Index (Only )?Scan using "Walker_eventId_status_ageBand_tshirtSize_language_id_idx"/);
  expect(text).not.toContain("Sort");
});

it("returns null for an unknown event", async () => {
  expect(await getOverview(actor, "00000000-0000-0000-0000-000000000000")).toBeNull();
});

it("lists past walks whose personal data is erased with their whole edition summary", async () => {
  const name = `Past walk ${Date.now()}`;
  // Ended at noon in Port of Spain on 30 July 2026 (started 07:00, 11:00 UTC).
  const event = await createTestEvent(db, { capacity: 5, endsAt: new Date("2026-07-30T16:00:00Z"), name });
  const walkers = await insertWalkers(db, event.id, [
    { ageBand: "AGE_18_34", tshirtSize: "L", createdAt: new Date("2026-07-20T15:00:00Z") },
    { ageBand: "AGE_35_54", language: "ES", createdAt: new Date("2026-07-30T12:10:00Z") }, // at the gate: a walk-up
    { status: "WAITING", createdAt: new Date("2026-07-21T15:00:00Z") },
    { status: "CANCELLED", createdAt: new Date("2026-07-21T16:00:00Z") },
  ]);
  await checkInWalker({ eventId: event.id, walkerId: walkers[0]!.id, method: "QR", actor });
  for (const [code, category] of [["P1", "UN_AGENCY"], ["P2", "CIVIL_SOCIETY"], ["P3", "CIVIL_SOCIETY"]] as const) {
    const organisation = await db.organisation.create({ data: { name: `Org ${code} ${Date.now()}`, category, contactName: "Someone" } });
    const booth = await db.booth.create({ data: { eventId: event.id, code, size: "STANDARD", mapX: 0, mapY: 0, mapWidth: 3, mapHeight: 3 } });
    await db.boothBooking.create({ data: { boothId: booth.id, organisationId: organisation.id, status: code === "P3" ? "CANCELLED" : "APPROVED" } });
  }
  expect((await getPastEditions(actor, "en", 1000)).some((walk) => walk.eventId === event.id)).toBe(false);
  await storeEditionSummary(db, event.id);
  const erasedAt = new Date();
  await db.event.update({ where: { id: event.id }, data: { personalDataErasedAt: erasedAt } });
  const past = (await getPastEditions(actor, "en", 1000)).find((walk) => walk.eventId === event.id);
  expect(past).toMatchObject({ name, timezone: "America/Port_of_Spain", startsAt: event.startsAt, personalDataErasedAt: erasedAt });
  expect(past!.counts).toEqual({
    walkers: 4,
    byStatus: { CONFIRMED: 2, WAITING: 1, CANCELLED: 1 },
    byAgeBand: { AGE_18_34: 1, AGE_35_54: 1 },
    byTshirtSize: { L: 1, M: 1 },
    byLanguage: { EN: 1, ES: 1 },
    checkedIn: 1,
    notCheckedIn: 1,
    walkUps: 1,
    signUpsPerDay: { "2026-07-20": 1, "2026-07-21": 2, "2026-07-30": 1 },
    boothBookingsByCategory: { UN_AGENCY: 1, CIVIL_SOCIETY: 2 },
    boothBookingsByStatus: { APPROVED: 2, CANCELLED: 1 },
  });
});
