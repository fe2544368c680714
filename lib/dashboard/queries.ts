import "server-only";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { NO_TSHIRT } from "../walkers/categories";

export interface Overview {
  capacity: number;
  confirmed: number;
  waiting: number;
  cancelled: number;
  checkedIn: number;
  placesLeft: number;
  byAgeBand: Record<string, number>;
  byTshirtSize: Record<string, number>;
  byLanguage: Record<string, number>;
  signupsPerDay: { day: string; count: number }[];
  booths: { total: number; available: number; pending: number; approved: number };
  emails: { queued: number; failed: number; sent: number };
}

type Row = {
  capacity: number;
  confirmed_count: number;
  walkers: { s: string; a: string; t: string | null; l: string; n: number }[] | null;
  checked_in: number;
  booths_total: number;
  bookings: Record<string, number> | null;
};

const add = (map: Record<string, number>, key: string, n: number) => {
  map[key] = (map[key] ?? 0) + n;
};

/**
 * Every figure on the organiser overview, in three statements sent at once on three of the pool's
 * connections, so that PostgreSQL counts them side by side on the machine's cores (each statement's
 * sub-queries run one after another in one backend); each statement is one index pass.
 *  - The walk: its places, and its walkers counted in one index-only pass over ("eventId", status,
 *    "ageBand", "tshirtSize", language), read in that order so that PostgreSQL groups without
 *    hashing, then summed here; check-ins and booths. One statement, so places left, the statuses
 *    and check-ins are of one moment. Breakdowns count confirmed walkers (the people expected on
 *    the day); check-ins count people, never scans (one row per walker).
 *  - Sign-ups per day: counted per quarter hour of UTC on ("eventId", "createdAt"), then each
 *    quarter (not each walker) is converted to the walk's local date. A quarter hour never spans a
 *    local midnight, because every UTC offset in use is a whole number of quarter hours (+05:45,
 *    −03:30, …).
 *  - The outbox by status (every email queued, of any walk).
 */
export async function getOverview(actor: Actor, eventId: string): Promise<Overview | null> {
  await assertOrganiser(db, actor.userId);
  const [rows, days, emailRows] = await Promise.all([
    db.$queryRaw<Row[]>`
    WITH e AS (SELECT id, capacity, "confirmedCount" FROM "Event" WHERE id = ${eventId}::uuid)
    SELECT
      e.capacity,
      e."confirmedCount" AS confirmed_count,
      (SELECT json_agg(json_build_object('s', status, 'a', "ageBand", 't', "tshirtSize", 'l', language, 'n', n)) FROM (
         SELECT status, "ageBand", "tshirtSize", language, count(*)::int n
           FROM "Walker" WHERE "eventId" = e.id GROUP BY 1, 2, 3, 4) s) AS walkers,
      (SELECT count(*)::int FROM "CheckIn" WHERE "eventId" = e.id) AS checked_in,
      (SELECT count(*)::int FROM "Booth" WHERE "eventId" = e.id) AS booths_total,
      (SELECT json_object_agg(status, n) FROM (
         SELECT b.status, count(*)::int n FROM "BoothBooking" b JOIN "Booth" bo ON bo.id = b."boothId"
          WHERE bo."eventId" = e.id AND b."activeBoothId" IS NOT NULL
            AND (b.status <> 'PENDING' OR b."holdExpiresAt" IS NULL OR b."holdExpiresAt" > now())
          GROUP BY b.status) s) AS bookings
    FROM e`,
    db.$queryRaw<{ day: string; n: number }[]>`
    SELECT to_char((quarter AT TIME ZONE e.timezone)::date, 'YYYY-MM-DD') AS day, sum(n)::int AS n
      FROM "Event" e CROSS JOIN LATERAL (
        SELECT date_bin('15 minutes', "createdAt", timestamptz '2000-01-01 00:00:00+00') AS quarter, count(*) AS n
          FROM "Walker" WHERE "eventId" = e.id GROUP BY 1) q
     WHERE e.id = ${eventId}::uuid
     GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ status: string; n: number }[]>`SELECT status::text, count(*)::int AS n FROM "EmailOutbox" GROUP BY status`,
  ]);
  const row = rows[0];
  if (!row) return null;
  const statuses: Record<string, number> = {};
  const byAgeBand: Record<string, number> = {};
  const byTshirtSize: Record<string, number> = {};
  const byLanguage: Record<string, number> = {};
  for (const g of row.walkers ?? []) {
    add(statuses, g.s, g.n);
    if (g.s !== "CONFIRMED") continue;
    add(byAgeBand, g.a, g.n);
    add(byTshirtSize, g.t ?? NO_TSHIRT, g.n);
    add(byLanguage, g.l, g.n);
  }
  const bookings = row.bookings ?? {};
  const emails = Object.fromEntries(emailRows.map(({ status, n }) => [status, n]));
  const pending = bookings.PENDING ?? 0;
  const approved = bookings.APPROVED ?? 0;
  return {
    capacity: row.capacity,
    confirmed: statuses.CONFIRMED ?? 0,
    waiting: statuses.WAITING ?? 0,
    cancelled: statuses.CANCELLED ?? 0,
    checkedIn: row.checked_in,
    placesLeft: Math.max(0, row.capacity - row.confirmed_count),
    byAgeBand,
    byTshirtSize,
    byLanguage,
    signupsPerDay: days.map(({ day, n }) => ({ day, count: n })),
    booths: { total: row.booths_total, available: row.booths_total - pending - approved, pending, approved },
    emails: { queued: (emails.QUEUED ?? 0) + (emails.SENDING ?? 0), failed: emails.FAILED ?? 0, sent: emails.SENT ?? 0 },
  };
}

export interface PastEdition {
  eventId: string;
  name: string;
  startsAt: Date;
  timezone: string;
  personalDataErasedAt: Date | null;
  counts: import("../privacy/summary").EditionCounts;
}

/**
 * Walks whose personal data is erased, newest first, with the edition summary kept for each (the
 * counts next year's planning needs; lib/privacy/summary.ts).
 */
export async function getPastEditions(actor: Actor, locale: "en" | "es", limit = 10): Promise<PastEdition[]> {
  await assertOrganiser(db, actor.userId);
  const rows = await db.editionSummary.findMany({
    orderBy: { event: { startsAt: "desc" } },
    take: limit,
    select: { counts: true, event: { select: { id: true, nameEn: true, nameEs: true, startsAt: true, timezone: true, personalDataErasedAt: true } } },
  });
  return rows.map((row) => ({
    eventId: row.event.id,
    name: locale === "es" ? row.event.nameEs : row.event.nameEn,
    startsAt: row.event.startsAt,
    timezone: row.event.timezone,
    personalDataErasedAt: row.event.personalDataErasedAt,
    counts: row.counts as unknown as PastEdition["counts"],
  }));
}
