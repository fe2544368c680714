// The one notion of "the current walk", asked by every page, action, worker and query.
// No "server-only" marker: the sign-up page (a Pages Router page) and the email worker read it.
//
// The current walk is the published edition (lib/events/editions.ts: one at a time, which PostgreSQL
// enforces); when none is published, the most recent past one, so that the home page says the walk
// is over and the dashboard shows its figures until next year's walk is published. Drafts never.
import { sql } from "../db/sql";
import type { Prisma } from "../generated/prisma/client";

type EventReader = Pick<Prisma.TransactionClient, "event">;

/**
 * The same choice in SQL, for the plain-SQL paths (the sign-up page and statement; lib/db/sql.ts): the
 * WHERE and ORDER BY of a `SELECT … FROM "Event"` (aliased or not) that ends with LIMIT 1.
 */
export const currentWalkClause = sql`WHERE "status" <> 'DRAFT' ORDER BY ("status" = 'PUBLISHED') DESC, "startsAt" DESC`;

/** The current walk's chosen columns, or null when there is no walk at all. */
export async function findCurrentWalk<S extends Prisma.EventSelect>(
  client: EventReader,
  select: S,
): Promise<Prisma.EventGetPayload<{ select: S }> | null> {
  // EditionStatus sorts in its declared order: PUBLISHED before PAST.
  const walk = await client.event.findFirst({ where: { status: { not: "DRAFT" } }, orderBy: [{ status: "asc" }, { startsAt: "desc" }], select });
  return walk as Prisma.EventGetPayload<{ select: S }> | null;
}

/** The current walk's id, or null when there is no walk at all. */
export async function currentWalkId(client: EventReader): Promise<string | null> {
  return (await findCurrentWalk(client, { id: true }))?.id ?? null;
}
