// The retention purge against a real PostgreSQL, in a database of its own (it acts on every walk
// past its retention period). Every table that held a walker's data is read whole, as text, to
// prove that nothing personal is left of the purged walk and that the walk still kept is untouched.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../db/client";
import { enqueueEmails } from "../mail/outbox";
import { createMigratedDatabase, dropDatabase, findTestServer, type TestServer } from "../../test/support/postgres";
import { createTestEvent, insertWalkers } from "../../test/support/walkers";
import { countEdition } from "./summary";
import { purgeExpiredPersonalData } from "./purge";
import { sendPurgeNotices } from "./schedule";

const DAY = 86_400_000;
let server: TestServer;
let databaseName: string;
let db: PrismaClient;

beforeAll(async () => {
  server = await findTestServer();
  const database = await createMigratedDatabase(server, "privacy");
  databaseName = database.name;
  db = createPrismaClient(database.url, 3);
});

afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(server, databaseName);
  await server.stop();
});

beforeEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Event", "EmailOutbox", "AuditLog", "Organisation", "User", "VerificationToken" CASCADE`);
});

const walk = (label: string, endedDaysAgo: number) =>
  createTestEvent(db, { endsAt: new Date(Date.now() - endedDaysAgo * DAY), retentionDays: 60, name: `${label} walk` });

/** A walk with everything personal a walk holds; returns the strings that identify its people. */
async function populatedWalk(label: string, endedDaysAgo: number) {
  const event = await walk(label, endedDaysAgo);
  const tag = randomUUID().slice(0, 8);
  const people = [
    { firstName: `Ana${tag}`, lastName: `Perez${label}`, email: `ana.${tag}@example.org`, status: "CONFIRMED" as const, ageBand: "AGE_35_54" as const },
    { firstName: `Luis${tag}`, lastName: `Gomez${label}`, email: `luis.${tag}@example.org`, status: "CONFIRMED" as const, language: "ES" as const, tshirtSize: "L" as const },
    // Signed up at the start line, on the walk's own day: a walk-up.
    { firstName: `Mia${tag}`, lastName: `Child${label}`, email: `mia.${tag}@example.org`, status: "CONFIRMED" as const, ageBand: "UNDER_12" as const, guardianName: `Guardian${tag}`, createdAt: new Date(event.startsAt.getTime()) },
    { firstName: `Wait${tag}`, lastName: `Ing${label}`, email: `wait.${tag}@example.org`, status: "WAITING" as const },
    { firstName: `Gone${tag}`, lastName: `Away${label}`, email: `gone.${tag}@example.org`, status: "CANCELLED" as const, createdAt: new Date(event.endsAt.getTime() - 30 * DAY) },
  ];
  const walkers = await insertWalkers(db, event.id, people);
  await db.walker.update({ where: { id: walkers[0]!.id }, data: { phone: `+1868555${tag.slice(0, 4)}`, accessibilityNeeds: `Wheelchair ${tag}`, emergencyContactName: `Emergency${tag}` } });
  await db.checkIn.create({ data: { walkerId: walkers[0]!.id, eventId: event.id, method: "QR" } });
  await db.checkIn.create({ data: { walkerId: walkers[2]!.id, eventId: event.id, method: "WALK_UP" } });
  const organiser = await db.user.create({ data: { email: `organiser.${tag}@example.org`, role: "ADMIN" } });
  await db.auditLog.create({
    data: { actorId: organiser.id, action: "walker.edit", entityType: "Walker", entityId: walkers[1]!.id, before: { firstName: `Old${tag}`, email: `old.${tag}@example.org` }, after: { firstName: people[1]!.firstName, email: people[1]!.email } },
  });
  await db.$transaction((tx) =>
    enqueueEmails(tx, [
      ...walkers.map((w, i) => ({
        template: "registration-cancelled" as const,
        to: people[i]!.email,
        language: "EN" as const,
        idempotencyKey: `registration-confirmed:${w.groupId}:contact`,
        payload: { event: { name: "x", startsAt: "", endsAt: "", timezone: "", venue: "", mapUrl: "" }, names: [`${people[i]!.firstName} ${people[i]!.lastName}`] },
      })),
      { template: "reminder" as const, to: people[0]!.email, language: "EN" as const, idempotencyKey: `reminder:${randomUUID()}:${people[0]!.email}`, payload: { subject: "See you", body: `Dear ${people[0]!.firstName}` } },
    ]),
  );
  await db.emailOutbox.updateMany({ where: { template: "reminder", toAddress: people[0]!.email }, data: { createdAt: new Date(event.endsAt.getTime() - DAY), status: "SENT" } });
  // Every other kind of email about a group, sent, failed or still queued, with what a sent or
  // failed row keeps (its subject, the server's reply); and the reminder resent after the walk.
  const reminder = await db.emailOutbox.findFirstOrThrow({ where: { template: "reminder", toAddress: people[0]!.email } });
  const [g0, g1, g2, g3] = walkers.map((w) => w.groupId);
  await db.$transaction((tx) =>
    enqueueEmails(tx, [
      { template: "manage-link" as const, to: people[0]!.email, language: "EN" as const, idempotencyKey: `manage-link:${g0}:${people[0]!.email}:1`, payload: { event: { name: "x", startsAt: "", endsAt: "", timezone: "", venue: "", mapUrl: "" }, managePath: "/manage/x" } },
      { template: "walker-promoted" as const, to: people[1]!.email, language: "ES" as const, idempotencyKey: `walker-promoted:${g1}:contact`, payload: { event: { name: "x", startsAt: "", endsAt: "", timezone: "", venue: "", mapUrl: "" }, tickets: [], managePath: "/manage/x", waitingPosition: null } },
      { template: "registration-confirmed" as const, to: people[2]!.email, language: "EN" as const, idempotencyKey: `ticket-resent:${g2}:1`, payload: { event: { name: "x", startsAt: "", endsAt: "", timezone: "", venue: "", mapUrl: "" }, tickets: [], managePath: "/manage/x", waitingPosition: null, resent: true } },
      { template: "data-deleted" as const, to: people[3]!.email, language: "EN" as const, idempotencyKey: `data-deleted:${g3}:1`, payload: { walkName: "x", count: 1 } },
      { template: "reminder" as const, to: people[0]!.email, language: "EN" as const, idempotencyKey: `${reminder.idempotencyKey}#resend:${randomUUID()}`, payload: { subject: "See you", body: `Dear ${people[0]!.firstName}` } },
    ]),
  );
  await db.emailOutbox.updateMany({ where: { idempotencyKey: `manage-link:${g0}:${people[0]!.email}:1` }, data: { status: "SENT", subject: `Your link, Manage${tag}`, sentAt: new Date() } });
  await db.emailOutbox.updateMany({ where: { idempotencyKey: `walker-promoted:${g1}:contact` }, data: { status: "FAILED", subject: `A place for Promoted${tag}`, lastError: `550 no mailbox for Reply${tag}` } });
  await db.emailOutbox.updateMany({ where: { idempotencyKey: `ticket-resent:${g2}:1` }, data: { status: "QUEUED", attempts: 2, lastError: `451 try later, Retry${tag}` } });
  await db.emailOutbox.updateMany({ where: { idempotencyKey: { contains: "#resend:" }, toAddress: people[0]!.email }, data: { createdAt: new Date(event.endsAt.getTime() + 5 * DAY), status: "SENT", subject: `Reminder for Resent${tag}` } });
  // A partner who booked a booth at this walk only.
  const organisation = await db.organisation.create({ data: { name: `Safe Passage ${tag}`, category: "CIVIL_SOCIETY", contactName: `Maria${tag}`, phone: `+1868777${tag.slice(0, 4)}` } });
  const booth = await db.booth.create({ data: { eventId: event.id, code: "A1", size: "STANDARD", mapX: 0, mapY: 0, mapWidth: 3, mapHeight: 3 } });
  const booking = await db.boothBooking.create({ data: { boothId: booth.id, organisationId: organisation.id, status: "APPROVED" } });
  const partnerAddress = `partner.${tag}@example.org`;
  await db.$transaction((tx) =>
    enqueueEmails(tx, [{ template: "booth-approved", to: partnerAddress, language: "EN", idempotencyKey: `booth-approved:${booking.id}:${partnerAddress}`, payload: { bookingId: booking.id, organisationName: organisation.name, boothCode: "A1", boothSize: "STANDARD", tentSupplied: false, addons: [] } }]),
  );
  const personal = [
    ...people.flatMap((p) => [p.firstName, p.lastName, p.email]),
    `Guardian${tag}`, `Wheelchair ${tag}`, `Emergency${tag}`, `+1868555${tag.slice(0, 4)}`, `Old${tag}`, `old.${tag}@example.org`,
    `Maria${tag}`, `+1868777${tag.slice(0, 4)}`, partnerAddress,
    `Manage${tag}`, `Promoted${tag}`, `Reply${tag}`, `Retry${tag}`, `Resent${tag}`,
  ];
  return { event, walkers, personal };
}

/** Every row of every table that holds (or held) personal data, as one text (without the purge runs' own audit entries, when told). */
async function everything({ withoutRuns = false } = {}): Promise<string> {
  const tables = ["Walker", "RegistrationGroup", "EmailOutbox", "AuditLog", "Organisation", "VerificationToken", "CheckIn", "BoothBooking", "EditionSummary", "Event"];
  const parts: string[] = [];
  for (const table of tables) {
    const where = withoutRuns && table === "AuditLog" ? `WHERE t."action" <> 'privacy.purge'` : "";
    const rows = await db.$queryRawUnsafe<{ t: string }[]>(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS t FROM "${table}" t ${where}`);
    parts.push(`${table}: ${rows[0]!.t}`);
  }
  return parts.join("\n");
}

describe("the edition summary", () => {
  it("counts as walk-ups the confirmed walkers who signed up on the walk's own day, in the walk's time zone", async () => {
    // 07:00 in Port of Spain (UTC-4) on 30 July 2026, ending at noon.
    const event = await createTestEvent(db, { endsAt: new Date("2026-07-30T16:00:00Z") });
    expect(event.startsAt.toISOString()).toBe("2026-07-30T11:00:00.000Z");
    await insertWalkers(db, event.id, [
      { createdAt: new Date("2026-07-20T15:00:00Z") }, // ten days before
      { createdAt: new Date("2026-07-30T03:30:00Z") }, // 23:30 on 29 July, local: the eve, not the day
      { createdAt: new Date("2026-07-30T05:00:00Z") }, // 01:00 on the day, local
      { createdAt: new Date("2026-07-30T12:15:00Z") }, // at the gate
      { createdAt: new Date("2026-07-31T03:00:00Z") }, // 23:00 on the day, local (already the 31st in UTC)
      { createdAt: new Date("2026-07-30T12:20:00Z"), status: "CANCELLED" }, // signed up on the day, then cancelled
    ]);
    const counts = await countEdition(db, event.id);
    expect(counts.walkUps).toBe(3);
    expect(counts.signUpsPerDay).toEqual({ "2026-07-20": 1, "2026-07-29": 1, "2026-07-30": 4 });
  });
});

describe("the retention purge", () => {
  it("a dry run counts what it would erase and changes nothing", async () => {
    const past = await populatedWalk("past", 70);
    await populatedWalk("recent", 10);
    const before = await everything();
    const report = await purgeExpiredPersonalData(db, { dryRun: true });
    expect(report.walks).toEqual([
      expect.objectContaining({ eventId: past.event.id, walkers: 5, groups: 5, emails: 12, organisations: 1, finished: false }),
    ]);
    expect(await everything()).toBe(before);
    expect(await db.auditLog.count({ where: { action: "privacy.purge" } })).toBe(0);

    // The run then erases exactly what the dry run counted.
    const run = await purgeExpiredPersonalData(db);
    const { walkers, groups, emails, organisations } = report.walks[0]!;
    expect(run.walks).toEqual([expect.objectContaining({ eventId: past.event.id, walkers, groups, emails, organisations, finished: true })]);
  });

  it("writes one audit entry per run, with counts, also when nothing was due", async () => {
    await populatedWalk("recent", 10);
    const report = await purgeExpiredPersonalData(db);
    expect(report.walks).toEqual([]);
    await purgeExpiredPersonalData(db, { dryRun: true });
    const runs = await db.auditLog.findMany({ where: { action: "privacy.purge" } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ actorId: null, entityType: "Event", entityId: null, after: { walks: [], signInTokens: 0 } });
  });

  it("erases exactly the purged walk's personal data, keeps its counts, resumes after a stop and is idempotent", async () => {
    const past = await populatedWalk("past", 70);
    const recent = await populatedWalk("recent", 10);
    await db.verificationToken.create({ data: { identifier: "partner.expired@example.org", token: "hashed-expired", expires: new Date(Date.now() - DAY) } });
    await db.verificationToken.create({ data: { identifier: "partner.live@example.org", token: "hashed-live", expires: new Date(Date.now() + DAY) } });
    const countsBefore = await countEdition(db, past.event.id);

    // Stopped after two walkers: each walker is either wholly erased or wholly untouched.
    const stop = new AbortController();
    let erased = 0;
    const first = await purgeExpiredPersonalData(db, { signal: stop.signal, onWalkerErased: () => ++erased === 2 && stop.abort() });
    expect(first.walks[0]).toMatchObject({ walkers: 2, finished: false });
    const halfway = await db.walker.findMany({ where: { eventId: past.event.id } });
    expect(halfway.filter((w) => w.erasedAt)).toHaveLength(2);
    for (const w of halfway) {
      const fields = [w.firstName, w.lastName, w.email, w.emergencyContactName, w.emergencyContactPhone];
      if (w.erasedAt) expect(fields.every((f) => f === "")).toBe(true);
      else expect(fields.every((f) => f !== "")).toBe(true);
    }

    const second = await purgeExpiredPersonalData(db);
    expect(second.walks[0]).toMatchObject({ eventId: past.event.id, walkers: 3, groups: 5, organisations: 1, finished: true });
    expect(second.signInTokens).toBe(1);

    // Nothing that identified the purged walk's people is left anywhere; the recent walk is whole.
    const after = await everything();
    for (const value of past.personal) expect(after, `"${value}" is still stored`).not.toContain(value);
    for (const value of recent.personal) expect(after, `"${value}" was erased`).toContain(value);
    expect(after).not.toContain("hashed-expired");
    expect(after).toContain("hashed-live");

    // Column by column, for the walk's rows.
    for (const w of await db.walker.findMany({ where: { eventId: past.event.id } })) {
      expect(w).toMatchObject({ firstName: "", lastName: "", email: "", phone: null, emergencyContactName: "", emergencyContactPhone: "", accessibilityNeeds: null, guardianName: null, activePersonKey: null });
      expect(w.erasedAt).toBeInstanceOf(Date);
    }
    for (const g of await db.registrationGroup.findMany({ where: { eventId: past.event.id } })) expect(g.contactEmail).toBe("");
    const pastGroups = past.walkers.map((w) => w.groupId);
    const rows = await db.emailOutbox.findMany({ where: { OR: [{ toAddress: "" }, { idempotencyKey: { contains: pastGroups[0]! } }] } });
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row).toMatchObject({ toAddress: "", payload: {}, subject: null });
      expect(row.idempotencyKey).toMatch(/^erased:/);
      // Unsent ones stopped; a sent or failed one keeps its state, not the server's words.
      expect([null, "Not sent: the personal data was erased", "Not delivered; the server's reply was erased with the personal data"]).toContain(row.lastError);
      expect(row.status).not.toBe("QUEUED");
    }
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(3);
    const edit = await db.auditLog.findFirstOrThrow({ where: { action: "walker.edit", entityId: past.walkers[1]!.id } });
    expect([edit.before, edit.after]).toEqual([{}, {}]);
    const organisation = await db.organisation.findFirstOrThrow({ where: { bookings: { some: { booth: { eventId: past.event.id } } } } });
    expect(organisation).toMatchObject({ contactName: "", phone: null });
    expect((await db.event.findUniqueOrThrow({ where: { id: past.event.id } })).personalDataErasedAt).toBeInstanceOf(Date);

    // The edition summary: the same counts as before, and the rows still count the same.
    const summary = await db.editionSummary.findUniqueOrThrow({ where: { eventId: past.event.id } });
    expect(summary.counts).toEqual(JSON.parse(JSON.stringify(countsBefore)));
    expect(await countEdition(db, past.event.id)).toEqual(countsBefore);
    expect(countsBefore).toMatchObject({
      walkers: 5,
      byStatus: { CONFIRMED: 3, WAITING: 1, CANCELLED: 1 },
      byAgeBand: { AGE_35_54: 1, AGE_18_34: 1, UNDER_12: 1 },
      byLanguage: { EN: 2, ES: 1 },
      checkedIn: 2,
      notCheckedIn: 1,
      walkUps: 1,
      boothBookingsByCategory: { CIVIL_SOCIETY: 1 },
    });

    // One audit entry per run, with counts and no name.
    const runs = await db.auditLog.findMany({ where: { action: "privacy.purge" }, orderBy: { createdAt: "asc" } });
    expect(runs).toHaveLength(2);
    expect(runs[1]!.after).toMatchObject({ walks: [{ walkers: 3, finished: true }], signInTokens: 1 });

    // Running it again changes nothing but leaving its own entry.
    const settled = await everything({ withoutRuns: true });
    const third = await purgeExpiredPersonalData(db);
    expect(third.walks).toEqual([]);
    expect(await everything({ withoutRuns: true })).toBe(settled);
    expect(await db.auditLog.count({ where: { action: "privacy.purge" } })).toBe(3);
  });

  it("keeps a partner's contact while the organisation has a booking at a walk still kept", async () => {
    const past = await populatedWalk("past", 70);
    const recent = await walk("recent", 10);
    const organisation = await db.organisation.findFirstOrThrow({ where: { bookings: { some: { booth: { eventId: past.event.id } } } } });
    const booth = await db.booth.create({ data: { eventId: recent.id, code: "B1", size: "STANDARD", mapX: 0, mapY: 0, mapWidth: 3, mapHeight: 3 } });
    await db.boothBooking.create({ data: { boothId: booth.id, organisationId: organisation.id, status: "APPROVED" } });
    const report = await purgeExpiredPersonalData(db);
    expect(report.walks[0]).toMatchObject({ organisations: 0, finished: true });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({ contactName: organisation.contactName, phone: organisation.phone });
  });

  it("two weeks before the purge, queues one notice per admin, once, with the export link", async () => {
    const soon = await walk("soon", 50); // purged in 10 days
    await walk("later", 10); // purged in 50 days
    const admins = await Promise.all([1, 2].map((n) => db.user.create({ data: { email: `admin${n}.${randomUUID()}@example.org`, role: "ADMIN" } })));
    await db.user.create({ data: { email: `organiser.${randomUUID()}@example.org`, role: "ORGANISER" } });
    expect(await sendPurgeNotices(db)).toBe(2);
    expect(await sendPurgeNotices(db)).toBe(0);
    const notices = await db.emailOutbox.findMany({ where: { template: "privacy-purge-notice" } });
    expect(notices.map((n) => n.toAddress).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(notices[0]!.payload).toMatchObject({ walkName: "soon walk", exportPath: `/dashboard/walkers/export?walk=${soon.id}` });
  });
});
