// Test data: an event of the test's own and walkers inserted directly (the sign-up rules are
// tested where they live; these tests need known data to count).
import { randomBytes, randomUUID } from "node:crypto";
import type { AgeBand, Language, PrismaClient, TshirtSize, WalkerStatus } from "../../lib/generated/prisma/client";

export async function createTestEvent(db: PrismaClient, overrides: { capacity?: number; endsAt?: Date; retentionDays?: number; name?: string } = {}) {
  const slug = `test-${randomUUID()}`;
  // Years ahead unless told, so tests that work on "the current walk" (the next one to start) never pick it.
  const start = overrides.endsAt
    ? new Date(overrides.endsAt.getTime() - 5 * 3_600_000)
    : new Date(Date.now() + (3 * 365 + Math.random() * 365) * 86_400_000);
  return db.event.create({
    data: {
      slug,
      nameEn: overrides.name ?? "Test Walk",
      nameEs: "Caminata de prueba",
      themeEn: "Theme",
      themeEs: "Lema",
      hostsEn: "Hosts",
      hostsEs: "Organizadores",
      venueName: "Queen's Park Savannah",
      venueNameEs: "Queen's Park Savannah",
      venueAddress: "Port of Spain",
      venueAddressEs: "Port of Spain",
      mapUrl: "https://example.org/map",
      startsAt: start,
      endsAt: new Date(start.getTime() + 5 * 3_600_000),
      capacity: overrides.capacity ?? 800,
      registrationOpensAt: new Date(Math.min(Date.now(), start.getTime()) - 86_400_000),
      registrationClosesAt: new Date(start.getTime() - 3_600_000),
      waiverVersion: "test-1",
      retentionDays: overrides.retentionDays,
    },
  });
}

export interface TestWalker {
  status?: WalkerStatus;
  ageBand?: AgeBand;
  tshirtSize?: TshirtSize | null;
  language?: Language;
  firstName?: string;
  lastName?: string;
  email?: string;
  guardianName?: string | null;
  createdAt?: Date;
}

export function ticketCode(): string {
  return randomBytes(8).toString("hex").toUpperCase().slice(0, 10);
}

/** Inserts walkers (one group each) and keeps Event.confirmedCount true to them. */
export async function insertWalkers(db: PrismaClient, eventId: string, walkers: TestWalker[]) {
  const created = [];
  for (const [i, w] of walkers.entries()) {
    const status = w.status ?? "CONFIRMED";
    const email = w.email ?? `walker${i}-${randomUUID()}@example.org`;
    const firstName = w.firstName ?? `Walker${i}`;
    const lastName = w.lastName ?? "Test";
    const group = await db.registrationGroup.create({
      data: { eventId, contactEmail: email, submissionKey: randomUUID(), language: w.language ?? "EN" },
    });
    created.push(
      await db.walker.create({
        data: {
          eventId,
          groupId: group.id,
          isGroupLeader: true,
          firstName,
          lastName,
          email,
          ageBand: w.ageBand ?? "AGE_18_34",
          tshirtSize: w.tshirtSize === undefined ? "M" : w.tshirtSize,
          emergencyContactName: "Contact",
          emergencyContactPhone: "+18685550100",
          language: w.language ?? "EN",
          waiverVersion: "test-1",
          waiverAcceptedAt: new Date(),
          guardianName: w.guardianName ?? null,
          guardianConsent: !!w.guardianName,
          status,
          activePersonKey: status === "CANCELLED" ? null : `${eventId}|${email}|${firstName} ${lastName}`.toLowerCase(),
          ticketCode: ticketCode(),
          confirmedAt: status === "CONFIRMED" ? new Date() : null,
          cancelledAt: status === "CANCELLED" ? new Date() : null,
          createdAt: w.createdAt,
        },
      }),
    );
  }
  const confirmed = walkers.filter((w) => (w.status ?? "CONFIRMED") === "CONFIRMED").length;
  await db.event.update({ where: { id: eventId }, data: { confirmedCount: { increment: confirmed } } });
  return created;
}

/** A signed-in person as lib/ sees them: an organiser (or a partner, to prove refusals). */
export async function createActor(db: PrismaClient, role: "ORGANISER" | "ADMIN" | "PARTNER" = "ORGANISER") {
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@example.org`, role } });
  return { userId: user.id, role: user.role };
}

/**
 * Inserts `count` walkers named `firstName` (one group each) in one statement: for tests that need
 * more walkers than inserting them one by one would allow. Cancelled ones take no place.
 */
export async function insertManyWalkers(
  db: PrismaClient,
  eventId: string,
  count: number,
  firstName: string,
  status: "CONFIRMED" | "CANCELLED" = "CONFIRMED",
) {
  const confirmed = status === "CONFIRMED";
  await db.$executeRaw`
    WITH g AS (
      INSERT INTO "RegistrationGroup" ("id", "eventId", "contactEmail", "language", "submissionKey", "updatedAt")
      SELECT gen_random_uuid(), ${eventId}::uuid, 'many-' || i || '-' || gen_random_uuid() || '@example.org', 'EN', gen_random_uuid()::text, now()
      FROM generate_series(1, ${count}::int) i
      RETURNING "id", "contactEmail")
    INSERT INTO "Walker" ("id", "eventId", "groupId", "isGroupLeader", "firstName", "lastName", "email", "ageBand", "tshirtSize",
      "emergencyContactName", "emergencyContactPhone", "language", "waiverVersion", "waiverAcceptedAt", "status",
      "activePersonKey", "ticketCode", "confirmedAt", "cancelledAt", "updatedAt")
    SELECT gen_random_uuid(), ${eventId}::uuid, g."id", true, ${firstName}, 'Test', g."contactEmail", 'AGE_18_34', 'M',
      'Contact', '+18685550100', 'EN', 'test-1', now(), ${status}::"WalkerStatus",
      CASE WHEN ${confirmed} THEN ${eventId} || '|' || g."contactEmail" END, upper(substr(md5(g."id"::text), 1, 10)),
      CASE WHEN ${confirmed} THEN now() END, CASE WHEN NOT ${confirmed} THEN now() END, now()
    FROM g`;
  if (confirmed) await db.event.update({ where: { id: eventId }, data: { confirmedCount: { increment: count } } });
}
