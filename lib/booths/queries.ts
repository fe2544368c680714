// No "server-only" marker: the public pages (pages/public/, Pages Router pages rendered once for
// everyone) read it, and the marker throws outside the App Router's server components. Prisma and pg
// cannot be bundled for a browser, so a client component importing this fails the build anyway.
import { db } from "../db";
import type { BoothSize, OrganisationCategory } from "../generated/prisma/client";
import { currentWalkId } from "../events/current";
import { isUuid, partnerOrganisationId } from "./context";
import { boothState, effectiveStatus, type BoothState, type EffectiveBookingStatus } from "./state";

export interface BoothView {
  id: string;
  code: string;
  size: BoothSize;
  tentSupplied: boolean;
  mapX: number;
  mapY: number;
  mapWidth: number;
  mapHeight: number;
  state: BoothState;
  /** The organisers' price note in the page's language (English when there is no Spanish one); may be empty. */
  priceNote: string;
}

export interface AddonView {
  id: string;
  code: string;
  name: string;
  maxPerBooking: number;
}

export interface BoothOverview {
  eventId: string;
  boothHoldHours: number;
  maxBoothsPerOrganisation: number;
  booths: BoothView[];
  addons: AddonView[];
}

/** Every booth of the current walk with its state now, and the add-ons on offer. */
export async function getBoothOverview(locale: "en" | "es", now = new Date()): Promise<BoothOverview | null> {
  const eventId = await currentWalkId(db);
  if (!eventId) return null;
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      boothHoldHours: true,
      maxBoothsPerOrganisation: true,
      booths: {
        orderBy: [{ mapY: "asc" }, { mapX: "asc" }],
        select: {
          id: true,
          code: true,
          size: true,
          tentSupplied: true,
          mapX: true,
          mapY: true,
          mapWidth: true,
          mapHeight: true,
          priceNoteEn: true,
          priceNoteEs: true,
          activeBookings: { select: { status: true, holdExpiresAt: true } },
        },
      },
      boothAddons: { orderBy: { code: "asc" }, select: { id: true, code: true, nameEn: true, nameEs: true, maxPerBooking: true } },
    },
  });
  return {
    eventId,
    boothHoldHours: event.boothHoldHours,
    maxBoothsPerOrganisation: event.maxBoothsPerOrganisation,
    booths: event.booths.map(({ activeBookings, priceNoteEn, priceNoteEs, ...booth }) => ({
      ...booth,
      state: boothState(activeBookings[0], now),
      priceNote: (locale === "es" && priceNoteEs.trim() ? priceNoteEs : priceNoteEn).trim(),
    })),
    addons: event.boothAddons.map((a) => ({
      id: a.id,
      code: a.code,
      name: locale === "es" ? a.nameEs : a.nameEn,
      maxPerBooking: a.maxPerBooking,
    })),
  };
}

export interface OrganisationView {
  id: string;
  name: string;
  category: OrganisationCategory;
  contactName: string;
  phone: string | null;
  website: string | null;
  description: string | null;
  listPublicly: boolean;
}

/** The signed-in partner's organisation, or null before the profile is saved. */
export async function getPartnerOrganisation(userId: string): Promise<OrganisationView | null> {
  const organisationId = await partnerOrganisationId(db, userId);
  if (!organisationId) return null;
  return db.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, category: true, contactName: true, phone: true, website: true, description: true, listPublicly: true },
  });
}

export interface BookingView {
  id: string;
  status: EffectiveBookingStatus;
  boothCode: string;
  boothSize: BoothSize;
  tentSupplied: boolean;
  holdExpiresAt: Date | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  createdAt: Date;
  addons: { name: string; quantity: number }[];
}

const bookingSelect = {
  id: true,
  status: true,
  holdExpiresAt: true,
  decidedAt: true,
  rejectionReason: true,
  createdAt: true,
  booth: { select: { code: true, size: true, tentSupplied: true } },
  addons: { select: { quantity: true, addon: { select: { nameEn: true, nameEs: true, code: true } } }, orderBy: { addon: { code: "asc" } } },
} as const;

type BookingRow = {
  id: string;
  status: EffectiveBookingStatus;
  holdExpiresAt: Date | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  createdAt: Date;
  booth: { code: string; size: BoothSize; tentSupplied: boolean };
  addons: { quantity: number; addon: { nameEn: string; nameEs: string } }[];
};

function toView(row: BookingRow, locale: "en" | "es", now: Date): BookingView {
  return {
    id: row.id,
    status: effectiveStatus(row, now),
    boothCode: row.booth.code,
    boothSize: row.booth.size,
    tentSupplied: row.booth.tentSupplied,
    holdExpiresAt: row.holdExpiresAt,
    decidedAt: row.decidedAt,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    addons: row.addons.map((a) => ({ name: locale === "es" ? a.addon.nameEs : a.addon.nameEn, quantity: a.quantity })),
  };
}

/** The partner's own organisation's bookings, newest first. */
export async function listPartnerBookings(userId: string, locale: "en" | "es", now = new Date()): Promise<BookingView[]> {
  const organisationId = await partnerOrganisationId(db, userId);
  if (!organisationId) return [];
  const rows = await db.boothBooking.findMany({ where: { organisationId }, orderBy: { createdAt: "desc" }, select: bookingSelect });
  return rows.map((row) => toView(row, locale, now));
}

/** One booking of the partner's own organisation; null for any other id (the page answers 404). */
export async function getPartnerBooking(userId: string, bookingId: string, locale: "en" | "es", now = new Date()): Promise<BookingView | null> {
  const organisationId = await partnerOrganisationId(db, userId);
  if (!organisationId || !isUuid(bookingId)) return null;
  const row = await db.boothBooking.findFirst({ where: { id: bookingId, organisationId }, select: bookingSelect });
  return row ? toView(row, locale, now) : null;
}

export interface Exhibitor {
  id: string;
  name: string;
  category: OrganisationCategory;
  website: string | null;
  description: string | null;
  boothCodes: string[];
}

/** Organisations with an approved booth at the walk that chose to be listed publicly. */
export async function listPublicExhibitors(eventId: string): Promise<Exhibitor[]> {
  const organisations = await db.organisation.findMany({
    where: { listPublicly: true, bookings: { some: { status: "APPROVED", booth: { eventId } } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      category: true,
      website: true,
      description: true,
      bookings: { where: { status: "APPROVED", booth: { eventId } }, select: { booth: { select: { code: true } } } },
    },
  });
  return organisations.map(({ bookings, ...org }) => ({
    ...org,
    boothCodes: bookings.map((b) => b.booth.code).sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
  }));
}
