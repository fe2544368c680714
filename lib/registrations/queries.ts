import "server-only";
import { db } from "../db";
import type { StoredWalkerDetails } from "./schema";
import { findCurrentWalk } from "../events/current";
import { verifyManageToken } from "./manage-token";
import { manageSecret } from "./secret";

export { getRegistrationEvent, type RegistrationEvent } from "./registration-event";

export interface ManageView {
  groupId: string;
  contactEmail: string;
  language: "EN" | "ES";
  event: { name: string; startsAt: Date; endsAt: Date; timezone: string; venueAddress: string; mapUrl: string };
  walkers: (StoredWalkerDetails & {
    id: string;
    isGroupLeader: boolean;
    status: "CONFIRMED" | "WAITING" | "CANCELLED";
    ticketCode: string;
    /** 1-based place on the waiting list, for waiting walkers. */
    waitingPosition: number | null;
  })[];
}

/** Everything the manage page shows, or null for a forged, altered, expired or replaced link. */
export async function getManageView(token: string, locale: "en" | "es", now = new Date()): Promise<ManageView | null> {
  const claims = verifyManageToken(manageSecret(), token, now);
  if (!claims) return null;
  const group = await db.registrationGroup.findFirst({
    where: { id: claims.groupId, manageTokenVersion: claims.version },
    select: {
      id: true,
      contactEmail: true,
      language: true,
      eventId: true,
      event: {
        select: { nameEn: true, nameEs: true, startsAt: true, endsAt: true, timezone: true, venueAddress: true, mapUrl: true },
      },
      walkers: {
        orderBy: { seq: "asc" },
        select: {
          id: true,
          seq: true,
          firstName: true,
          lastName: true,
          email: true,
          phone: true,
          ageBand: true,
          tshirtSize: true,
          emergencyContactName: true,
          emergencyContactPhone: true,
          accessibilityNeeds: true,
          photoConsent: true,
          guardianName: true,
          guardianConsent: true,
          isGroupLeader: true,
          status: true,
          ticketCode: true,
        },
      },
    },
  });
  if (!group) return null;
  const firstWaiting = group.walkers.find((w) => w.status === "WAITING");
  let ahead = 0;
  if (firstWaiting) {
    ahead = await db.walker.count({ where: { eventId: group.eventId, status: "WAITING", seq: { lt: firstWaiting.seq } } });
  }
  let waitingIndex = 0;
  const { event } = group;
  return {
    groupId: group.id,
    contactEmail: group.contactEmail,
    language: group.language,
    event: {
      name: locale === "es" ? event.nameEs : event.nameEn,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timezone: event.timezone,
      venueAddress: event.venueAddress,
      mapUrl: event.mapUrl,
    },
    walkers: group.walkers.map((walker) => ({
      ...walker,
      seq: undefined,
      waitingPosition: walker.status === "WAITING" ? ahead + ++waitingIndex : null,
    })),
  };
}

/** The current walk's facts for the public calendar file. */
export async function getCalendarEvent(now = new Date()) {
  return findCurrentWalk(db, { id: true, slug: true, nameEn: true, themeEn: true, venueAddress: true, startsAt: true, endsAt: true }, now);
}
