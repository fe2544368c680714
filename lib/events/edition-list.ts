import "server-only";
// The ordered lists an edition's editor keeps (the programme, the reporting resources): every change
// is one transaction that checks the organiser, claims the edition's content version (two organisers
// editing at once: the second save is refused), makes the change and writes its audit entry. An item
// is always looked up within its edition, so an id from another edition is "not found" and changes
// nothing.
import { writeAudit, type AuditEntry } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { claimContentVersion, isUuid } from "./edition";
import { moveItemSchema, removeItemSchema } from "./edition-fields";

/** No item with this id in this edition (removed meanwhile, or a forged id of another edition's). */
export class EditionItemNotFound extends Error {
  override name = "EditionItemNotFound";
}

export type EditionListTable = "ProgrammeItem" | "ReportingResource";

/** The item is already first (moving up) or last (moving down): nothing moves. */
export class ItemAtEnd extends Error {
  override name = "ItemAtEnd";
}

/** What a change hands back: its audit entry (the actor is added) and what the caller answers. */
export interface ListChange<T> {
  audit: Omit<AuditEntry, "actorId" | "gatePassId">;
  result: T;
}

/**
 * Runs one change of an edition's list in a transaction with the version check and the audit entry.
 * `published`: whether the edition is the one the public pages show (the caller re-renders them).
 */
export async function changeEditionList<T>(
  actor: Actor,
  eventId: string,
  openedAtVersion: number,
  change: (tx: Prisma.TransactionClient) => Promise<ListChange<T>>,
): Promise<{ result: T; version: number; published: boolean }> {
  return db.$transaction(
    async (tx) => {
      await assertOrganiser(tx, actor.userId);
      const version = await claimContentVersion(tx, eventId, openedAtVersion);
      const { audit, result } = await change(tx);
      await writeAudit(tx, { ...audit, actorId: actor.userId });
      const { status } = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { status: true } });
      return { result, version, published: status === "PUBLISHED" };
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
}

/** The sortOrder after the edition's last item (0 for the first). */
export async function nextSortOrder(tx: Prisma.TransactionClient, table: EditionListTable, eventId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ next: number }[]>`
    SELECT COALESCE(MAX("sortOrder") + 1, 0)::int AS "next" FROM ${Prisma.raw(`"${table}"`)} WHERE "eventId" = ${eventId}::uuid`;
  return row!.next;
}

/** An item of the edition, locked; EditionItemNotFound for an id that is not one of the edition's. */
export async function lockItem<T>(tx: Prisma.TransactionClient, table: EditionListTable, eventId: string, id: string): Promise<T> {
  if (!isUuid(id)) throw new EditionItemNotFound();
  const [row] = await tx.$queryRaw<T[]>`
    SELECT * FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id}::uuid AND "eventId" = ${eventId}::uuid FOR UPDATE`;
  if (!row) throw new EditionItemNotFound();
  return row;
}

/**
 * Swaps an item with the one before ("up") or after ("down") it. The programme's sortOrder is unique
 * per edition, so the item waits at a temporary order (-1: orders are never negative) while its
 * neighbour takes its place; the edition's row lock (claimContentVersion) keeps other changes out.
 * ItemAtEnd when the item is already first (or last).
 */
export async function swapWithNeighbour(
  tx: Prisma.TransactionClient,
  table: EditionListTable,
  eventId: string,
  id: string,
  direction: "up" | "down",
): Promise<{ from: number; to: number }> {
  await lockItem(tx, table, eventId, id);
  const name = Prisma.raw(`"${table}"`);
  const rows = await tx.$queryRaw<{ id: string; sortOrder: number }[]>`
    SELECT "id", "sortOrder" FROM ${name} WHERE "eventId" = ${eventId}::uuid ORDER BY "sortOrder", "id"`;
  const index = rows.findIndex((row) => row.id === id);
  const neighbour = rows[direction === "up" ? index - 1 : index + 1];
  const item = rows[index]!;
  if (!neighbour) throw new ItemAtEnd();
  await tx.$executeRaw`UPDATE ${name} SET "sortOrder" = -1 WHERE "id" = ${item.id}::uuid`;
  await tx.$executeRaw`UPDATE ${name} SET "sortOrder" = ${item.sortOrder} WHERE "id" = ${neighbour.id}::uuid`;
  await tx.$executeRaw`UPDATE ${name} SET "sortOrder" = ${neighbour.sortOrder} WHERE "id" = ${item.id}::uuid`;
  return { from: item.sortOrder, to: neighbour.sortOrder };
}

/**
 * The changes of one list (its table, its audit actions "<prefix>.add" / "edit" / "move" / "remove",
 * and what its audit entries keep of a row): each one transaction with the version check.
 */
export function editionList<Row extends { id: string }>(table: EditionListTable, prefix: string, shown: (row: Row) => Prisma.InputJsonObject) {
  const entry = (verb: string, id: string, change: { before?: Prisma.InputJsonObject; after?: Prisma.InputJsonObject }) => ({
    audit: { action: `${prefix}.${verb}`, entityType: table, entityId: id, ...change },
    result: { id },
  });
  return {
    /** Adds a row after the edition's last one (`create` is given its sortOrder). */
    add: (actor: Actor, eventId: string, version: number, create: (tx: Prisma.TransactionClient, sortOrder: number) => Promise<Row>) =>
      changeEditionList(actor, eventId, version, async (tx) => {
        const row = await create(tx, await nextSortOrder(tx, table, eventId));
        return entry("add", row.id, { after: shown(row) });
      }),
    /** Changes one of the edition's rows; the audit entry has the fields that changed. */
    edit: (
      actor: Actor,
      eventId: string,
      target: { version: number; itemId: string },
      update: (tx: Prisma.TransactionClient, before: Row) => Promise<Row>,
    ) =>
      changeEditionList(actor, eventId, target.version, async (tx) => {
        const before = await lockItem<Row>(tx, table, eventId, target.itemId);
        const after = await update(tx, before);
        return entry("edit", before.id, changedFields(shown(before), shown(after)));
      }),
    /** Moves one of the edition's rows up or down: the audit entry has its order before and after. */
    move: (actor: Actor, eventId: string, input: unknown) => {
      const data = moveItemSchema.parse(input);
      return changeEditionList(actor, eventId, data.version, async (tx) => {
        const { from, to } = await swapWithNeighbour(tx, table, eventId, data.itemId, data.direction);
        return entry("move", data.itemId, { before: { sortOrder: from }, after: { sortOrder: to } });
      });
    },
    /** Removes one of the edition's rows: the audit entry has what it was. */
    remove: (actor: Actor, eventId: string, input: unknown) => {
      const data = removeItemSchema.parse(input);
      return changeEditionList(actor, eventId, data.version, async (tx) => {
        const before = await lockItem<Row>(tx, table, eventId, data.itemId);
        await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${before.id}::uuid`;
        return entry("remove", before.id, { before: shown(before) });
      });
    },
  };
}

/** The fields whose values differ, before and after (the audit entry of an edit). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const a = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const b = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (a !== b) {
      was[key] = a as T[keyof T];
      now[key] = b as T[keyof T];
    }
  }
  return { before: was, after: now };
}
