// A walk of a test's own, so tests sharing one database never count each other's walkers.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";

export async function createTestEvent(
  db: PrismaClient,
  options: { capacity: number; confirmedCount?: number; opensInDays?: number; closesInDays?: number; endsInDays?: number } ,
) {
  const day = 86_400_000;
  const now = Date.now();
  // Years ahead by default, so a test file that works on "the current walk" (the next one to start,
  // e.g. the booth tests) never picks a walk another file made while both run.
  const endsAt = new Date(now + (options.endsInDays ?? 3 * 365 + Math.random() * 365) * day);
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
      venueAddress: "Queen's Park Savannah, Port of Spain",
      mapUrl: "https://www.openstreetmap.org/",
      startsAt: new Date(endsAt.getTime() - 5 * 3_600_000),
      endsAt,
      capacity: options.capacity,
      confirmedCount: options.confirmedCount ?? 0,
      registrationOpensAt: new Date(now - (options.opensInDays !== undefined ? -options.opensInDays : 1) * day),
      registrationClosesAt: options.closesInDays !== undefined ? new Date(now + options.closesInDays * day) : new Date(endsAt.getTime() - day),
      waiverVersion: "test-1",
    },
  });
}
