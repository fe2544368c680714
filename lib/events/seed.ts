// Idempotent seed: the upcoming Fun Walk, its programme, booths and add-ons, and one organiser.
// Safe to run at every start; it never changes data that already exists.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../generated/prisma/client";
import { funWalkAddons, funWalkBooths, funWalkEvent } from "./seed-data";

export interface SeedResult {
  eventSlug: string;
  eventCreated: boolean;
  organiser?: { email: string; oneTimePassword: string };
}

export async function seed(db: PrismaClient, options: { now?: Date; organiserEmail?: string } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const { programme, ...eventData } = funWalkEvent(now);

  // Any event still to come counts: the seed only fills an empty calendar.
  const existing = await db.event.findFirst({ where: { endsAt: { gt: now } }, select: { slug: true } });
  let eventSlug = existing?.slug ?? eventData.slug;
  let eventCreated = false;
  if (!existing) {
    const event = await db.event.upsert({
      where: { slug: eventData.slug },
      update: {},
      create: {
        ...eventData,
        programme: { create: programme.map((item, sortOrder) => ({ ...item, sortOrder })) },
        booths: { create: funWalkBooths() },
        boothAddons: { create: funWalkAddons },
      },
    });
    eventSlug = event.slug;
    eventCreated = true;
  }

  const organiserCount = await db.user.count({ where: { role: { in: ["ORGANISER", "ADMIN"] } } });
  let organiser: SeedResult["organiser"];
  if (organiserCount === 0) {
    const email = (options.organiserEmail ?? "organiser@funwalk.local").toLowerCase();
    const oneTimePassword = randomBytes(12).toString("base64url");
    const created = await db.user.createMany({
      data: [
        {
          email,
          name: "Organiser",
          role: "ADMIN",
          passwordHash: await bcrypt.hash(oneTimePassword, 12),
          mustChangePassword: true,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 1) organiser = { email, oneTimePassword };
  }
  return { eventSlug, eventCreated, organiser };
}
