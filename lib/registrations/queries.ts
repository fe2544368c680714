import "server-only";
import { venueIn } from "../events/content-rules";
import { db } from "../db";
import type { StoredWalkerDetails } from "./schema";
import { findCurrentWalk } from "../events/current";
import { reportingSelect, reportingView, type ReportingView } from "../events/reporting-view";
import { verifyManageToken } from "./manage-token";
import { purgeDate } from "../privacy/retention";
import { manageSecret } from "./secret";

export { getRegistrationEvent, type RegistrationEvent } from "./registration-event";

export interface ManageView {
  groupId: string;
  contactEmail: string;
  language: "EN" | "ES";
  event: {
    name: string;
    startsAt: Date;
    endsAt: Date;
    /** When the walk's personal data is erased: the link works until then (changes only until endsAt). */
    erasedOn: Date;
    timezone: string;
    venueAddress: string;
    mapUrl: string;
    /** Where to report suspected trafficking; null while the walk lists no resource. */
    reporting: ReportingView | null;
  };
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
        select: { nameEn: true, nameEs: true, startsAt: true, endsAt: true, retentionDays: true, timezone: true, venueAddress: true, venueAddressEs: true, mapUrl: true, ...reportingSelect },
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
      erasedOn: purgeDate(event),
      timezone: event.timezone,
      venueAddress: venueIn(event, locale === "es" ? "ES" : "EN"),
      mapUrl: event.mapUrl,
      reporting: reportingView(event, locale),
    },
    walkers: group.walkers.map((walker) => ({
      ...walker,
      seq: undefined,
      waitingPosition: walker.status === "WAITING" ? ahead + ++waitingIndex : null,
    })),
  };
}

/** The current walk's facts for the public calendar file. */
export async function getCalendarEvent() {
  return findCurrentWalk(db, { id: true, slug: true, nameEn: true, themeEn: true, venueAddress: true, startsAt: true, endsAt: true });
}

/** Everything stored about a group's walkers, field by field: the manage page's "Your data" and its download. */
export interface GroupData {
  /** The walk's name, in the group's language (the page and the download are in it). */
  walk: string;
  /** The walk's time zone: times are shown in it. */
  timezone: string;
  group: { contactEmail: string; language: "EN" | "ES"; registeredAt: Date };
  walkers: {
    id: string;
    isGroupLeader: boolean;
    firstName: string;
    lastName: string;
    email: string;
    phone: string | null;
    ageBand: string;
    tshirtSize: string | null;
    emergencyContactName: string;
    emergencyContactPhone: string;
    accessibilityNeeds: string | null;
    language: "EN" | "ES";
    photoConsent: boolean;
    guardianName: string | null;
    guardianConsent: boolean;
    waiverVersion: string;
    waiverAcceptedAt: Date;
    privacyVersion: string | null;
    status: "CONFIRMED" | "WAITING" | "CANCELLED";
    ticketCode: string;
    registeredAt: Date;
    confirmedAt: Date | null;
    cancelledAt: Date | null;
    checkedInAt: Date | null;
  }[];
  emails: { subject: string | null; to: string; status: string; createdAt: Date; sentAt: Date | null }[];
}

/**
 * The group's data for its own manage link, in the group's language: "erased" when the group
 * deleted its data (or it was purged) — the link then says nothing is stored — and null for a
 * forged, altered or expired link.
 */
export async function getGroupData(
  token: string,
  now = new Date(),
): Promise<{ state: "kept"; data: GroupData; /** The group's walk (not part of the download). */ eventId: string } | { state: "erased" } | null> {
  const claims = verifyManageToken(manageSecret(), token, now);
  if (!claims) return null;
  const group = await db.registrationGroup.findUnique({
    where: { id: claims.groupId },
    select: {
      id: true,
      contactEmail: true,
      language: true,
      createdAt: true,
      erasedAt: true,
      manageTokenVersion: true,
      event: { select: { id: true, nameEn: true, nameEs: true, timezone: true } },
      walkers: {
        where: { erasedAt: null },
        orderBy: { seq: "asc" },
        select: {
          id: true, isGroupLeader: true, firstName: true, lastName: true, email: true, phone: true, ageBand: true, tshirtSize: true,
          emergencyContactName: true, emergencyContactPhone: true, accessibilityNeeds: true, language: true, photoConsent: true,
          guardianName: true, guardianConsent: true, waiverVersion: true, waiverAcceptedAt: true, privacyVersion: true,
          status: true, ticketCode: true, createdAt: true, confirmedAt: true, cancelledAt: true, checkIn: { select: { checkedInAt: true } },
        },
      },
    },
  });
  if (!group || claims.version > group.manageTokenVersion) return null;
  if (group.erasedAt) return { state: "erased" };
  if (claims.version !== group.manageTokenVersion) return null;
  const emails = await db.emailOutbox.findMany({
    where: { OR: [{ idempotencyKey: { contains: `:${group.id}:` } }, { idempotencyKey: { endsWith: `:${group.id}` } }] },
    orderBy: { createdAt: "asc" },
    select: { subject: true, toAddress: true, status: true, createdAt: true, sentAt: true },
  });
  return {
    state: "kept",
    eventId: group.event.id,
    data: {
      walk: group.language === "ES" ? group.event.nameEs : group.event.nameEn,
      timezone: group.event.timezone,
      group: { contactEmail: group.contactEmail, language: group.language, registeredAt: group.createdAt },
      walkers: group.walkers.map(({ createdAt, checkIn, ...walker }) => ({ ...walker, registeredAt: createdAt, checkedInAt: checkIn?.checkedInAt ?? null })),
      emails: emails.map(({ toAddress, ...email }) => ({ ...email, to: toAddress })),
    },
  };
}
