import "server-only";
import type { Actor } from "../auth/roles";
import { db } from "../db";
import { assertOrganiser } from "../auth/organiser";
import { effectiveStatus } from "./state";

/** Booking requests for the organisers' queue: pending first (oldest first), then decided ones. */
export async function listBookingRequests(actor: Actor, eventId: string, locale: "en" | "es", now = new Date()) {
  await assertOrganiser(db, actor.userId);
  const rows = await db.boothBooking.findMany({
    where: { booth: { eventId } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: {
      id: true,
      status: true,
      holdExpiresAt: true,
      decidedAt: true,
      rejectionReason: true,
      createdAt: true,
      booth: { select: { code: true, size: true, tentSupplied: true } },
      organisation: { select: { name: true, category: true, contactName: true, description: true } },
      addons: { select: { quantity: true, addon: { select: { nameEn: true, nameEs: true } } } },
    },
  });
  const views = rows.map((row) => ({
    id: row.id,
    status: effectiveStatus(row, now),
    holdExpiresAt: row.holdExpiresAt,
    decidedAt: row.decidedAt,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    booth: row.booth,
    organisation: row.organisation,
    addons: row.addons.map((a) => ({ name: locale === "es" ? a.addon.nameEs : a.addon.nameEn, quantity: a.quantity })),
  }));
  return {
    pending: views.filter((v) => v.status === "PENDING"),
    decided: views.filter((v) => v.status !== "PENDING").reverse(),
  };
}
