// Idempotent seed: the first Fun Walk (published), its programme, booths and add-ons, and one organiser.
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

  // The seed makes the first walk only: once any edition is published, organisers run the walk
  // (next year's is started from the dashboard, lib/events/editions.ts) and later starts leave it alone.
  const published = await db.event.findFirst({ where: { status: "PUBLISHED" }, select: { slug: true } });
  let eventSlug = published?.slug ?? eventData.slug;
  let eventCreated = false;
  if (!published) {
    try {
      await db.event.create({
        data: {
          ...eventData,
          status: "PUBLISHED",
          publishedSlot: true,
          publishedAt: now,
          programme: { create: programme.map((item, sortOrder) => ({ ...item, sortOrder })) },
          booths: { create: funWalkBooths() },
          boothAddons: { create: funWalkAddons },
        },
        select: { id: true },
      });
      eventCreated = true;
    } catch (error) {
      // Another instance starting at the same moment created it first (the slug and the published
      // slot are unique): that is fine.
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
