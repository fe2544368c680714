// A walk's edition summary: what next year's planning needs, identifying nobody. Counted from the
// rows the erasure leaves (it blanks fields, it deletes no row), stored once before the first
// erasure (EditionSummary), and shown on the dashboard for a walk whose personal data is erased.
// No "server-only": the purge runs in the worker process.
import type { Prisma } from "../generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

export interface EditionCounts {
  walkers: number;
  byStatus: Record<string, number>;
  /** Confirmed walkers (the ones who walk), by each of these. */
  byAgeBand: Record<string, number>;
  byTshirtSize: Record<string, number>;
  byLanguage: Record<string, number>;
  checkedIn: number;
  notCheckedIn: number;
  /**
   * Confirmed walkers who signed up on the walk's own day (its local date, in its time zone): the
   * ones who walked up, whether they used the public form or the gate signed them up.
   */
  walkUps: number;
  /** Sign-ups per day, in the walk's time zone (YYYY-MM-DD). */
  signUpsPerDay: Record<string, number>;
  /** Booth bookings by the organisation's category, and by how they ended. */
  boothBookingsByCategory: Record<string, number>;
  boothBookingsByStatus: Record<string, number>;
}

/** Counts one walk as it stands. */
export async function countEdition(tx: Tx, eventId: string): Promise<EditionCounts> {
  const [row] = await tx.$queryRaw<{ counts: EditionCounts }[]>`
    WITH w AS (SELECT * FROM "Walker" WHERE "eventId" = ${eventId}::uuid),
         confirmed AS (SELECT * FROM w WHERE "status" = 'CONFIRMED'),
         bookings AS (
           SELECT b."status"::text AS status, o."category"::text AS category
           FROM "BoothBooking" b JOIN "Booth" bo ON bo."id" = b."boothId" JOIN "Organisation" o ON o."id" = b."organisationId"
           WHERE bo."eventId" = ${eventId}::uuid),
         tz AS (SELECT "timezone", ("startsAt" AT TIME ZONE "timezone")::date AS "walkDay" FROM "Event" WHERE "id" = ${eventId}::uuid)
    SELECT jsonb_build_object(
      'walkers', (SELECT count(*) FROM w),
      'byStatus', coalesce((SELECT jsonb_object_agg(k, n) FROM (SELECT "status"::text AS k, count(*) AS n FROM w GROUP BY 1) s), '{}'),
      'byAgeBand', coalesce((SELECT jsonb_object_agg(k, n) FROM (SELECT "ageBand"::text AS k, count(*) AS n FROM confirmed GROUP BY 1) s), '{}'),
      'byTshirtSize', coalesce((SELECT jsonb_object_agg(k, n) FROM (SELECT coalesce("tshirtSize"::text, 'NONE') AS k, count(*) AS n FROM confirmed GROUP BY 1) s), '{}'),
      'byLanguage', coalesce((SELECT jsonb_object_agg(k, n) FROM (SELECT "language"::text AS k, count(*) AS n FROM confirmed GROUP BY 1) s), '{}'),
      'checkedIn', (SELECT count(*) FROM "CheckIn" WHERE "eventId" = ${eventId}::uuid),
      'notCheckedIn', (SELECT count(*) FROM confirmed c WHERE NOT EXISTS (SELECT 1 FROM "CheckIn" ci WHERE ci."walkerId" = c."id")),
      'walkUps', (SELECT count(*) FROM confirmed c CROSS JOIN tz WHERE (c."createdAt" AT TIME ZONE tz."timezone")::date = tz."walkDay"),
      'signUpsPerDay', coalesce((SELECT jsonb_object_agg(k, n ORDER BY k) FROM (
          SELECT to_char("createdAt" AT TIME ZONE (SELECT "timezone" FROM tz), 'YYYY-MM-DD') AS k, count(*) AS n FROM w GROUP BY 1) s), '{}'),
      'boothBookingsByCategory', coalesce((SELECT jsonb_object_agg(k, n) FROM (SELECT category AS k, count(*) AS n FROM bookings GROUP BY 1) s), '{}'),
      'boothBookingsByStatus', coalesce((SELECT jsonb_object_agg(k, n) FROM (SELECT status AS k, count(*) AS n FROM bookings GROUP BY 1) s), '{}')
    ) AS counts`;
  return row!.counts;
}

/** Stores the walk's summary unless it already has one (a purge that resumes keeps the first). */
export async function storeEditionSummary(tx: Tx, eventId: string): Promise<void> {
  const counts = await countEdition(tx, eventId);
  await tx.$executeRaw`
    INSERT INTO "EditionSummary" ("eventId", "counts") VALUES (${eventId}::uuid, ${JSON.stringify(counts)}::jsonb)
    ON CONFLICT ("eventId") DO NOTHING`;
}
