import "server-only";
import type { BoothEmailPayload, EmailLanguage } from "../../emails/types";
import type { Actor } from "../auth/roles";
import { db } from "../db";
import { isUniqueViolation } from "../db/errors";
import type { Prisma } from "../generated/prisma/client";
import { enqueueEmail } from "../mail/outbox";
import { assertOrganiser } from "../auth/organiser";
import { currentWalkId } from "../events/current";
import { isUuid, partnerOrganisationId } from "./context";
import {
  BookingNotCancellable,
  BookingNotFound,
  BookingNotPending,
  BoothLimitReached,
  BoothTaken,
  BoothUnavailable,
  InvalidAddon,
  NoOrganisation,
} from "./errors";
import type { BookingRequestInput, OrganisationProfileInput } from "./schema";

type Tx = Prisma.TransactionClient;

// Many partners may race for one booth: wait for a pooled connection rather than fail.
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

/** Creates or updates the partner's organisation (the user row is locked, so two saves never make two). */
export async function saveOrganisationProfile(userId: string, input: OrganisationProfileInput, language: EmailLanguage): Promise<{ organisationId: string }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const organisationId = await partnerOrganisationId(tx, userId);
    const data = { ...input, language };
    if (organisationId) {
      await tx.organisation.update({ where: { id: organisationId }, data });
      return { organisationId };
    }
    const created = await tx.organisation.create({ data, select: { id: true } });
    await tx.user.update({ where: { id: userId }, data: { organisationId: created.id } });
    return { organisationId: created.id };
  }, TX_OPTIONS);
}

export interface EmailFacts {
  to: string[];
  language: EmailLanguage;
  payload: BoothEmailPayload;
}

/** Who to tell about a booking (the partner who requested it, else the organisation's members) and what. */
export async function emailFacts(tx: Tx, bookingId: string): Promise<EmailFacts> {
  const booking = await tx.boothBooking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      id: true,
      requestedBy: { select: { email: true } },
      organisation: { select: { name: true, language: true, members: { where: { role: "PARTNER" }, select: { email: true } } } },
      booth: { select: { code: true, size: true, tentSupplied: true } },
      addons: { select: { quantity: true, addon: { select: { nameEn: true, nameEs: true, code: true } } }, orderBy: { addon: { code: "asc" } } },
    },
  });
  const to = booking.requestedBy ? [booking.requestedBy.email] : booking.organisation.members.map((m) => m.email);
  return {
    to,
    language: booking.organisation.language,
    payload: {
      bookingId: booking.id,
      organisationName: booking.organisation.name,
      boothCode: booking.booth.code,
      boothSize: booking.booth.size,
      tentSupplied: booking.booth.tentSupplied,
      addons: booking.addons.map((a) => ({ nameEn: a.addon.nameEn, nameEs: a.addon.nameEs, quantity: a.quantity })),
    },
  };
}

type SimpleBoothTemplate = "booth-approved" | "booth-expired" | "booth-cancelled";

async function queueBoothEmail(tx: Tx, template: SimpleBoothTemplate, bookingId: string): Promise<void> {
  const facts = await emailFacts(tx, bookingId);
  for (const to of facts.to) {
    await enqueueEmail(tx, { template, to, language: facts.language, payload: facts.payload, idempotencyKey: `${template}:${bookingId}:${to}` });
  }
}

/**
 * Expires pending requests whose hold has passed, releasing their booths, and queues the
 * "expired" emails in the same transaction. Rows another transaction is deciding are skipped
 * (SKIP LOCKED) and picked up by the next sweep. `boothId` limits it to one booth.
 */
export async function expireHolds(tx: Tx, now: Date, boothId?: string): Promise<number> {
  const expired = boothId
    ? await tx.$queryRaw<{ id: string }[]>`
        UPDATE "BoothBooking" SET status = 'EXPIRED', "activeBoothId" = NULL, "updatedAt" = ${now}
         WHERE "activeBoothId" = ${boothId}::uuid AND status = 'PENDING' AND "holdExpiresAt" <= ${now}
         RETURNING id`
    : await tx.$queryRaw<{ id: string }[]>`
        UPDATE "BoothBooking" SET status = 'EXPIRED', "activeBoothId" = NULL, "updatedAt" = ${now}
         WHERE id IN (SELECT id FROM "BoothBooking" WHERE status = 'PENDING' AND "holdExpiresAt" <= ${now}
                      ORDER BY "holdExpiresAt" LIMIT 500 FOR UPDATE SKIP LOCKED)
         RETURNING id`;
  for (const { id } of expired) await queueBoothEmail(tx, "booth-expired", id);
  return expired.length;
}

/** The periodic sweep: releases every booth whose hold has passed. Returns how many expired. */
export async function expireStaleHolds(now = new Date()): Promise<number> {
  return db.$transaction((tx) => expireHolds(tx, now), TX_OPTIONS);
}

/**
 * A partner requests a booth. In one transaction: the organisation row is locked (so its live
 * bookings are counted one request at a time), a passed hold on this booth is released, and the
 * booking is inserted with activeBoothId = boothId — PostgreSQL's unique index refuses a second
 * live booking of the booth, which becomes BoothTaken.
 */
export async function requestBooking(userId: string, input: BookingRequestInput, now = new Date()): Promise<{ bookingId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const organisationId = await partnerOrganisationId(tx, userId);
      if (!organisationId) throw new NoOrganisation();
      await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId}::uuid FOR UPDATE`;

      const eventId = await currentWalkId(tx);
      const booth = eventId
        ? await tx.booth.findFirst({
            where: { id: input.boothId, eventId },
            select: { id: true, event: { select: { boothHoldHours: true, maxBoothsPerOrganisation: true } } },
          })
        : null;
      if (!booth) throw new BoothUnavailable();

      const addons = await tx.boothAddon.findMany({ where: { eventId: eventId! }, select: { id: true, maxPerBooking: true } });
      const limits = new Map(addons.map((a) => [a.id, a.maxPerBooking]));
      const seen = new Set<string>();
      for (const item of input.addons) {
        const max = limits.get(item.addonId);
        if (max === undefined || item.quantity > max || item.quantity < 0 || seen.has(item.addonId)) throw new InvalidAddon();
        seen.add(item.addonId);
      }

      const live = await tx.boothBooking.count({
        where: {
          organisationId,
          activeBoothId: { not: null },
          OR: [{ status: "APPROVED" }, { status: "PENDING", holdExpiresAt: { gt: now } }],
        },
      });
      const limit = booth.event.maxBoothsPerOrganisation;
      if (live >= limit) throw new BoothLimitReached(limit);

      await expireHolds(tx, now, booth.id);

      const holdExpiresAt = new Date(now.getTime() + booth.event.boothHoldHours * 3_600_000);
      const booking = await tx.boothBooking.create({
        data: {
          boothId: booth.id,
          activeBoothId: booth.id,
          organisationId,
          requestedById: userId,
          status: "PENDING",
          holdExpiresAt,
          createdAt: now,
          addons: { create: input.addons.filter((a) => a.quantity > 0).map((a) => ({ addonId: a.addonId, quantity: a.quantity })) },
        },
        select: { id: true },
      });

      const facts = await emailFacts(tx, booking.id);
      for (const to of facts.to) {
        await enqueueEmail(tx, {
          template: "booth-request-received",
          to,
          language: facts.language,
          payload: { ...facts.payload, holdExpiresAt: holdExpiresAt.toISOString() },
          idempotencyKey: `booth-request-received:${booking.id}:${to}`,
        });
      }
      return { bookingId: booking.id };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new BoothTaken();
    throw error;
  }
}

/** A partner cancels one of their own organisation's pending or approved bookings. */
export async function cancelBooking(userId: string, bookingId: string, now = new Date()): Promise<void> {
  if (!isUuid(bookingId)) throw new BookingNotFound();
  await db.$transaction(async (tx) => {
    const organisationId = await partnerOrganisationId(tx, userId);
    if (!organisationId) throw new BookingNotFound();
    const { count } = await tx.boothBooking.updateMany({
      where: { id: bookingId, organisationId, status: { in: ["PENDING", "APPROVED"] } },
      data: { status: "CANCELLED", activeBoothId: null, updatedAt: now },
    });
    if (count === 0) {
      const exists = await tx.boothBooking.count({ where: { id: bookingId, organisationId } });
      throw exists ? new BookingNotCancellable() : new BookingNotFound();
    }
    await queueBoothEmail(tx, "booth-cancelled", bookingId);
  }, TX_OPTIONS);
}

async function audit(tx: Tx, actorId: string, action: string, bookingId: string, after: Prisma.InputJsonValue) {
  await tx.auditLog.create({ data: { actorId, action, entityType: "BoothBooking", entityId: bookingId, after } });
}

/** An organiser approves a pending request whose hold is still running. */
export async function approveBooking(actor: Actor, bookingId: string, now = new Date()): Promise<void> {
  if (!isUuid(bookingId)) throw new BookingNotFound();
  await db.$transaction(async (tx) => {
    await assertOrganiser(tx, actor.userId);
    const { count } = await tx.boothBooking.updateMany({
      where: { id: bookingId, status: "PENDING", holdExpiresAt: { gt: now } },
      data: { status: "APPROVED", decidedAt: now, decidedById: actor.userId, updatedAt: now },
    });
    if (count === 0) {
      const exists = await tx.boothBooking.count({ where: { id: bookingId } });
      throw exists ? new BookingNotPending() : new BookingNotFound();
    }
    await audit(tx, actor.userId, "booth-booking.approve", bookingId, { status: "APPROVED" });
    await queueBoothEmail(tx, "booth-approved", bookingId);
  }, TX_OPTIONS);
}

/** An organiser rejects a pending request, with a reason the partner reads in the email. */
export async function rejectBooking(actor: Actor, bookingId: string, reason: string, now = new Date()): Promise<void> {
  if (!isUuid(bookingId)) throw new BookingNotFound();
  const text = reason.trim().slice(0, 500);
  if (!text) throw new Error("A rejection needs a reason.");
  await db.$transaction(async (tx) => {
    await assertOrganiser(tx, actor.userId);
    const { count } = await tx.boothBooking.updateMany({
      where: { id: bookingId, status: "PENDING" },
      data: { status: "REJECTED", activeBoothId: null, decidedAt: now, decidedById: actor.userId, rejectionReason: text, updatedAt: now },
    });
    if (count === 0) {
      const exists = await tx.boothBooking.count({ where: { id: bookingId } });
      throw exists ? new BookingNotPending() : new BookingNotFound();
    }
    await audit(tx, actor.userId, "booth-booking.reject", bookingId, { status: "REJECTED" });
    const facts = await emailFacts(tx, bookingId);
    for (const to of facts.to) {
      await enqueueEmail(tx, {
        template: "booth-rejected",
        to,
        language: facts.language,
        payload: { ...facts.payload, reason: text },
        idempotencyKey: `booth-rejected:${bookingId}:${to}`,
      });
    }
  }, TX_OPTIONS);
}

/**
 * An organiser moves a live (pending or approved) booking to another booth of the same walk. The
 * unique index on activeBoothId refuses a booth that is already held or booked (BoothTaken). An
 * approved partner is told of the new booth by email.
 */
export async function reassignBooking(actor: Actor, bookingId: string, boothCode: string, now = new Date()): Promise<void> {
  if (!isUuid(bookingId)) throw new BookingNotFound();
  try {
    await db.$transaction(async (tx) => {
      await assertOrganiser(tx, actor.userId);
      await expireHolds(tx, now);
      const booking = await tx.boothBooking.findUnique({
        where: { id: bookingId },
        select: { status: true, activeBoothId: true, booth: { select: { code: true, eventId: true } } },
      });
      if (!booking) throw new BookingNotFound();
      if (!booking.activeBoothId || (booking.status !== "PENDING" && booking.status !== "APPROVED")) throw new BookingNotPending();
      const target = await tx.booth.findFirst({
        where: { eventId: booking.booth.eventId, code: boothCode.trim().toUpperCase() },
        select: { id: true, code: true },
      });
      if (!target) throw new BoothUnavailable();
      if (target.code === booking.booth.code) return;
      await tx.boothBooking.update({
        where: { id: bookingId },
        data: { boothId: target.id, activeBoothId: target.id, updatedAt: now },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "booth-booking.reassign",
          entityType: "BoothBooking",
          entityId: bookingId,
          before: { booth: booking.booth.code },
          after: { booth: target.code },
        },
      });
      if (booking.status === "APPROVED") {
        const facts = await emailFacts(tx, bookingId);
        for (const to of facts.to) {
          await enqueueEmail(tx, {
            template: "booth-approved",
            to,
            language: facts.language,
            payload: facts.payload,
            idempotencyKey: `booth-reassigned:${bookingId}:${target.code}:${to}`,
          });
        }
      }
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new BoothTaken();
    throw error;
  }
}
