// The one notion of "the current walk", asked by every page, action, worker and query.
// No "server-only" marker: the sign-up page (a Pages Router page) and the email worker read it.
//
// The current walk is the next one still to end (the upcoming or running edition); when none is to
// come, the most recent one, so that after the walk the home page says it is over, the dashboard
// shows its figures and a sign-up is refused as "over", until next year's walk exists.
import { sql, type SqlPart } from "../db/sql";
import type { Prisma } from "../generated/prisma/client";

type EventReader = Pick<Prisma.TransactionClient, "event">;

/**
 * The same choice in SQL, for the plain-SQL paths (the sign-up page and statement; lib/db/sql.ts), as
 * an ORDER BY of "Event": the walks still to end first, soonest first, then the past ones, latest first.
 */
export const currentWalkOrder = (now: SqlPart) =>
  sql`("endsAt" > ${now}) DESC, CASE WHEN "endsAt" > ${now} THEN "startsAt" END ASC, "startsAt" DESC`;

/** The current walk's chosen columns, or null when there is no walk at all. */
export async function findCurrentWalk<S extends Prisma.EventSelect>(
  client: EventReader,
  select: S,
  now = new Date(),
): Promise<Prisma.EventGetPayload<{ select: S }> | null> {
  const upcoming = await client.event.findFirst({ where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select });
  const walk = upcoming ?? (await client.event.findFirst({ orderBy: { startsAt: "desc" }, select }));
  return walk as Prisma.EventGetPayload<{ select: S }> | null;
}

/** The current walk's id, or null when there is no walk at all. */
export async function currentWalkId(client: EventReader, now = new Date()): Promise<string | null> {
  return (await findCurrentWalk(client, { id: true }, now))?.id ?? null;
}
