import "server-only";
// Editions: each year's walk. The published one is the walk the public pages show (one at a time:
// Event.publishedSlot is unique, so PostgreSQL refuses a second); "Start next year's walk" copies an
// edition into a draft on a new date; publishing a draft makes the edition published before it past.
import { z } from "zod";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { isUniqueViolation } from "../db/errors";
import type { Prisma } from "../generated/prisma/client";
import { missingTranslations, type MissingTranslation } from "./content-rules";
import { editionHeader, EditionNotFound, isUuid } from "./edition";

/** The walk's time zone's offset: Port of Spain is UTC−4 all year, no daylight saving (as lib/events/settings.ts). */
const OFFSET_MS = 4 * 3_600_000;

/** The edition's year, on the walk's own clock. */
export const editionYear = (startsAt: Date) => new Date(startsAt.getTime() - OFFSET_MS).getUTCFullYear();

/** Every edition (or the one with `id`), newest first, with what organisers count: walkers, check-ins, booths. */
export async function listEditions(actor: Actor, options: { id?: string } = {}) {
  await assertOrganiser(db, actor.userId);
  const editions = await db.event.findMany({
    where: options.id ? { id: options.id } : undefined,
    select: {
      ...editionHeader,
      publishedAt: true,
      capacity: true,
      personalDataErasedAt: true,
      _count: {
        select: {
          walkers: { where: { status: "CONFIRMED" } },
          checkIns: true,
          // A booth has at most one live booking, so this counts approved bookings.
          booths: { where: { bookings: { some: { status: "APPROVED" } } } },
        },
      },
    },
    orderBy: { startsAt: "desc" },
  });
  return editions.map(({ _count, ...edition }) => ({
    ...edition,
    year: editionYear(edition.startsAt),
    confirmed: _count.walkers,
    checkedIn: _count.checkIns,
    approvedBooths: _count.booths,
  }));
}
export type EditionRow = Awaited<ReturnType<typeof listEditions>>[number];

/** The walk's new day, as a date field sends it (YYYY-MM-DD, the walk's own calendar). */
export const nextEditionSchema = z.object({
  sourceId: z.string().refine(isUuid, "notFound"),
  walkDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "dateInvalid"),
});
export type NextEditionInput = z.input<typeof nextEditionSchema>;

/** The new date is not in a year after the edition it copies. */
export class NotALaterYear extends Error {
  override name = "NotALaterYear";
  constructor(public readonly after: number) {
    super("the new walk must be in a later year");
  }
}

/** An edition of that year exists already (published, draft or past). */
export class YearTaken extends Error {
  override name = "YearTaken";
  constructor(public readonly year: number) {
    super("an edition of that year exists");
  }
}

/**
 * "Start next year's walk": copies an edition into a new draft on `walkDate` — its content, programme
 * and every other time moved by the same number of days, booth layout and add-ons, settings, reporting
 * resources, and the waiver and privacy texts in force — but no walkers, bookings, check-ins or passes.
 */
export async function startNextEdition(actor: Actor, input: NextEditionInput): Promise<{ id: string }> {
  const { sourceId, walkDate } = nextEditionSchema.parse(input);
  return db.$transaction(
    async (tx) => {
      await assertOrganiser(tx, actor.userId);
      const source = await tx.event.findUnique({
        where: { id: sourceId },
        include: { programme: true, booths: true, boothAddons: true, reportingResources: true, legalTexts: true },
      });
      if (!source) throw new EditionNotFound();
      const sourceYear = editionYear(source.startsAt);
      // The same wall-clock times, `shift` whole days later.
      const sourceDay = Date.parse(new Date(source.startsAt.getTime() - OFFSET_MS).toISOString().slice(0, 10) + "T00:00:00Z");
      const shift = Date.parse(`${walkDate}T00:00:00Z`) - sourceDay;
      const year = new Date(Date.parse(`${walkDate}T00:00:00Z`)).getUTCFullYear();
      if (year <= sourceYear) throw new NotALaterYear(sourceYear);
      const moved = (date: Date) => new Date(date.getTime() + shift);
      const taken = await tx.event.findMany({ select: { startsAt: true } });
      if (taken.some((e) => editionYear(e.startsAt) === year)) throw new YearTaken(year);
      const {
        id: _id, slug: _slug, status: _status, publishedSlot: _slot, publishedAt: _published, copiedFromId: _copied, contentVersion: _version,
        confirmedCount: _count, personalDataErasedAt: _erased, createdAt: _created, updatedAt: _updated,
        programme, booths, boothAddons, reportingResources, legalTexts, ...settings
      } = source;
      void [_id, _slug, _status, _slot, _published, _copied, _version, _count, _erased, _created, _updated];
      const latest = (kind: "WAIVER" | "PRIVACY", label: string | null) => legalTexts.find((t) => t.kind === kind && t.version === label);
      const texts = [latest("WAIVER", source.waiverVersion), latest("PRIVACY", source.privacyVersion)].filter((t) => t !== undefined);
      const created = await tx.event.create({
        data: {
          ...settings,
          slug: await freeSlug(tx, `fun-walk-${year}`),
          status: "DRAFT",
          copiedFromId: source.id,
          startsAt: moved(source.startsAt),
          endsAt: moved(source.endsAt),
          registrationOpensAt: moved(source.registrationOpensAt),
          registrationClosesAt: moved(source.registrationClosesAt),
          programme: { create: programme.map(({ startsAt, titleEn, titleEs, speaker, sortOrder }) => ({ startsAt: moved(startsAt), titleEn, titleEs, speaker, sortOrder })) },
          booths: {
            create: booths.map(({ code, size, tentSupplied, mapX, mapY, mapWidth, mapHeight, priceNoteEn, priceNoteEs }) => ({ code, size, tentSupplied, mapX, mapY, mapWidth, mapHeight, priceNoteEn, priceNoteEs })),
          },
          boothAddons: { create: boothAddons.map(({ code, nameEn, nameEs, maxPerBooking }) => ({ code, nameEn, nameEs, maxPerBooking })) },
          reportingResources: {
            create: reportingResources.map(({ nameEn, nameEs, phone, url, hoursEn, hoursEs, sortOrder }) => ({ nameEn, nameEs, phone, url, hoursEn, hoursEs, sortOrder })),
          },
          legalTexts: { create: texts.map(({ kind, version, bodyEn, bodyEs, createdById }) => ({ kind, version, bodyEn, bodyEs, createdById })) },
        },
        select: { id: true, slug: true, startsAt: true },
      });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "edition.start",
        entityType: "Event",
        entityId: created.id,
        after: { copiedFrom: source.id, slug: created.slug, startsAt: created.startsAt.toISOString() },
      });
      return { id: created.id };
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
}

async function freeSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.event.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** Publishing refused: the edition is not a draft, or the walk it would replace is still to come. */
export class PublishRefused extends Error {
  override name = "PublishRefused";
  constructor(
    public readonly reason: "notDraft" | "alreadyOver" | "currentStillToCome" | "publishedMeanwhile" | "incomplete",
    public readonly detail: { name?: string; missing?: MissingTranslation[] } = {},
  ) {
    super(`publishing refused: ${reason}`);
  }
}

/**
 * Publishes a draft: it becomes the walk the public pages show, and the edition published before it
 * becomes past — only once that walk is over (there is one published upcoming edition at a time).
 * Two publishes at once: PostgreSQL's unique published slot lets one through; the other is refused.
 */
export async function publishEdition(actor: Actor, id: string, now = new Date()): Promise<void> {
  if (!isUuid(id)) throw new EditionNotFound();
  try {
    await db.$transaction(
      async (tx) => {
        await assertOrganiser(tx, actor.userId);
        // The published edition's row first, then the draft's: every publish locks in the same order.
        const [current] = await tx.$queryRaw<{ id: string; nameEn: string; endsAt: Date }[]>`
          SELECT "id", "nameEn", "endsAt" FROM "Event" WHERE "status" = 'PUBLISHED' FOR UPDATE`;
        await tx.$queryRaw`SELECT 1 FROM "Event" WHERE "id" = ${id}::uuid FOR UPDATE`;
        const draft = await tx.event.findUnique({ where: { id } });
        if (!draft) throw new EditionNotFound();
        if (draft.status !== "DRAFT") throw new PublishRefused("notDraft");
        if (draft.endsAt <= now) throw new PublishRefused("alreadyOver");
        if (current && current.endsAt > now) throw new PublishRefused("currentStillToCome", { name: current.nameEn });
        // The rule the content editor keeps for a published walk (lib/events/content-rules.ts).
        const missing = missingTranslations(draft);
        if (missing.length > 0) throw new PublishRefused("incomplete", { missing });
        if (current) await tx.event.update({ where: { id: current.id }, data: { status: "PAST", publishedSlot: null } });
        await tx.event.update({ where: { id }, data: { status: "PUBLISHED", publishedSlot: true, publishedAt: now } });
        await writeAudit(tx, {
          actorId: actor.userId,
          action: "edition.publish",
          entityType: "Event",
          entityId: id,
          before: current ? { published: current.id } : null,
          after: { published: id },
        });
      },
      { maxWait: 20_000, timeout: 20_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error, "publishedSlot")) throw new PublishRefused("publishedMeanwhile");
    throw error;
  }
}
