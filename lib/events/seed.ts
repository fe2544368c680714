// Idempotent seed: the upcoming Fun Walk, its programme, booths and add-ons, and one organiser.
// Safe to run at every start; it never changes data that already exists.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { isUniqueViolation } from "../db/errors";
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

  // The walk is known by its slug (one per year): once created, later starts leave it — and any
  // changes organisers made to it — alone.
  const existing = await db.event.findUnique({ where: { slug: eventData.slug }, select: { slug: true } });
  let eventSlug = existing?.slug ?? eventData.slug;
  let eventCreated = false;
  if (!existing) {
    try {
      await db.event.create({
        data: {
          ...eventData,
          programme: { create: programme.map((item, sortOrder) => ({ ...item, sortOrder })) },
          booths: { create: funWalkBooths() },
          boothAddons: { create: funWalkAddons },
        },
        select: { id: true },
      });
      eventCreated = true;
    } catch (error) {
      // Another instance starting at the same moment created it first: that is fine.
      if (!isUniqueViolation(error)) throw error;
    }
    eventSlug = eventData.slug;
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
