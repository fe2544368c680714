// A walk of a test's own, so tests sharing one database never count each other's walkers.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../lib/generated/prisma/client";

export async function createTestEvent(
  db: Pick<Prisma.TransactionClient, "event">,
  options: { capacity: number; confirmedCount?: number; opensInDays?: number; closesInDays?: number; endsInDays?: number } ,
) {
  const day = 86_400_000;
  const now = Date.now();
  // By default years ahead, so tests that work on "the current walk" (the next one to start, the
  // seeded one) never pick a test's walk.
  const endsInDays = options.endsInDays ?? 3 * 365 + Math.floor(Math.random() * 365);
  const endsAt = new Date(now + endsInDays * day);
  return db.event.create({
    data: {
      slug: `test-walk-${randomUUID()}`,
      nameEn: "Test Walk",
      nameEs: "Caminata de prueba",
      themeEn: "Theme",
      themeEs: "Lema",
      hostsEn: "Hosts",
      hostsEs: "Organizadores",
      venueName: "Queen's Park Savannah",
      venueNameEs: "Queen's Park Savannah",
      venueAddress: "Queen's Park Savannah, Port of Spain",
      venueAddressEs: "Queen's Park Savannah, Port of Spain",
      mapUrl: "https://www.openstreetmap.org/",
      startsAt: new Date(endsAt.getTime() - 5 * 3_600_000),
      endsAt,
      capacity: options.capacity,
      confirmedCount: options.confirmedCount ?? 0,
      registrationOpensAt: new Date(now - (options.opensInDays !== undefined ? -options.opensInDays : 1) * day),
      registrationClosesAt: new Date(now + (options.closesInDays ?? endsInDays - 1) * day),
      waiverVersion: "test-1",
    },
  });
}

/**
 * Makes a walk the published edition, the one sign-ups go to (lib/events/current.ts): the edition
 * published before is past. Only in a database of the test file's own (test/support/own-database.ts).
 */
export async function publishTestEvent(db: Pick<Prisma.TransactionClient, "event">, id: string) {
  await db.event.updateMany({ where: { status: "PUBLISHED" }, data: { status: "PAST", publishedSlot: null } });
  await db.event.update({ where: { id }, data: { status: "PUBLISHED", publishedSlot: true, publishedAt: new Date() } });
}
