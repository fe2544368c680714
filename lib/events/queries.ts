// No "server-only" marker: the public pages (pages/public/, Pages Router pages rendered once for
// everyone) read it, and the marker throws outside the App Router's server components. Prisma and pg
// cannot be bundled for a browser, so a client component importing this fails the build anyway.
import { db } from "../db";
import { findCurrentWalk } from "./current";
import { reportingSelect, reportingView, type ReportingView } from "./reporting-view";
import { registrationState, type RegistrationState } from "./state";

export interface PublicEvent {
  id: string;
  slug: string;
  name: string;
  theme: string;
  hosts: string;
  venueName: string;
  venueAddress: string;
  /** Empty: no map link. */
  mapUrl: string;
  /** Plain text with line breaks; each empty when the walk has none. */
  description: string;
  meetingPoint: string;
  whatToBring: string;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  placesLeft: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  state: RegistrationState;
  programme: { id: string; startsAt: Date; title: string; speaker: string | null }[];
  /** Where to report suspected trafficking; null (the section hidden) while the list is empty. */
  reporting: ReportingView | null;
  /** Organisations with an approved booth that agreed to be listed. */
  partners: string[];
}

/** The walk the site is about: the next one still to end, else the most recent. */
export async function getCurrentEvent(locale: "en" | "es", now = new Date()): Promise<PublicEvent | null> {
  const select = {
    id: true,
    slug: true,
    nameEn: true,
    nameEs: true,
    themeEn: true,
    themeEs: true,
    hostsEn: true,
    hostsEs: true,
    venueName: true,
    venueNameEs: true,
    venueAddress: true,
    venueAddressEs: true,
    mapUrl: true,
    descriptionEn: true,
    descriptionEs: true,
    meetingPointEn: true,
    meetingPointEs: true,
    whatToBringEn: true,
    whatToBringEs: true,
    timezone: true,
    startsAt: true,
    endsAt: true,
    capacity: true,
    confirmedCount: true,
    registrationOpensAt: true,
    registrationClosesAt: true,
    programme: { select: { id: true, startsAt: true, titleEn: true, titleEs: true, speaker: true }, orderBy: { sortOrder: "asc" } },
    ...reportingSelect,
    _count: { select: { walkers: { where: { status: "WAITING" as const } } } },
  } as const;
  const event = await findCurrentWalk(db, select);
  if (!event) return null;
  const es = locale === "es";
  // While anyone is on the waiting list, freed places are theirs, not new walkers'.
  const placesLeft = event._count.walkers > 0 ? 0 : Math.max(0, event.capacity - event.confirmedCount);
  const partners = await db.organisation.findMany({
    where: { listPublicly: true, bookings: { some: { status: "APPROVED", booth: { eventId: event.id } } } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return {
    id: event.id,
    slug: event.slug,
    name: es ? event.nameEs : event.nameEn,
    theme: es ? event.themeEs : event.themeEn,
    hosts: es ? event.hostsEs : event.hostsEn,
    // The venue's English texts are venueName and venueAddress; a Spanish one not yet written falls back to them.
    venueName: (es && event.venueNameEs) || event.venueName,
    venueAddress: (es && event.venueAddressEs) || event.venueAddress,
    mapUrl: event.mapUrl,
    description: es ? event.descriptionEs : event.descriptionEn,
    meetingPoint: es ? event.meetingPointEs : event.meetingPointEn,
    whatToBring: es ? event.whatToBringEs : event.whatToBringEn,
    timezone: event.timezone,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    capacity: event.capacity,
    placesLeft,
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
    state: registrationState({ ...event, placesLeft }, now),
    programme: event.programme.map((item) => ({
      id: item.id,
      startsAt: item.startsAt,
      title: es ? item.titleEs : item.titleEn,
      speaker: item.speaker,
    })),
    reporting: reportingView(event, locale),
    partners: partners.map((p) => p.name),
  };
}
