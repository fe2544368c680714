import "server-only";
// One edition (one year's walk) as the walk editor's pages and actions see it: found by its id for
// an organiser, and the version check every save of its content, programme and reporting resources
// makes (Event.contentVersion), so that two organisers editing at once never overwrite each other.
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

/** No edition with this id (a forged or stale link): the page answers 404. */
export class EditionNotFound extends Error {
  override name = "EditionNotFound";
}

/** The edition changed since the form was opened: "someone else changed this walk; reload to see their changes". */
export class EditionChanged extends Error {
  override name = "EditionChanged";
}

export const editionHeader = {
  id: true,
  slug: true,
  status: true,
  nameEn: true,
  nameEs: true,
  timezone: true,
  startsAt: true,
  endsAt: true,
  contentVersion: true,
} as const satisfies Prisma.EventSelect;

export type EditionHeader = Prisma.EventGetPayload<{ select: typeof editionHeader }>;

/** The edition's header for an organiser (checked against the database); EditionNotFound when there is none. */
export async function getEdition(actor: Actor, id: string): Promise<EditionHeader> {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(id)) throw new EditionNotFound();
  const edition = await db.event.findUnique({ where: { id }, select: editionHeader });
  if (!edition) throw new EditionNotFound();
  return edition;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/**
 * Inside a save's transaction: takes the edition's row lock and moves its content version on from the
 * version the form was opened at. EditionChanged when someone saved in between, EditionNotFound when
 * there is no such edition. Returns the new version.
 */
export async function claimContentVersion(tx: Prisma.TransactionClient, eventId: string, openedAt: number): Promise<number> {
  if (!isUuid(eventId)) throw new EditionNotFound();
  const rows = await tx.$queryRaw<{ contentVersion: number; moved: boolean }[]>`
    WITH old AS (SELECT "id", "contentVersion" FROM "Event" WHERE "id" = ${eventId}::uuid FOR UPDATE)
    UPDATE "Event" e SET "contentVersion" = e."contentVersion" + 1, "updatedAt" = now()
      FROM old WHERE e."id" = old."id" AND old."contentVersion" = ${openedAt}
    RETURNING e."contentVersion", TRUE AS "moved"`;
  if (rows[0]) return rows[0].contentVersion;
  const exists = await tx.event.findUnique({ where: { id: eventId }, select: { id: true } });
  throw exists ? new EditionChanged() : new EditionNotFound();
}
