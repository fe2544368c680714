// What "the current walk" means (lib/events/current.ts), in Prisma and in SQL alike.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { createTestEvent } from "../../test/support/events";
import { sql, statement } from "../db/sql";
import { currentWalkClause, currentWalkId, findCurrentWalk } from "./current";

const db = createPrismaClient(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());

class Rollback extends Error {}

/**
 * Runs `check` in a transaction that is rolled back afterwards, so no other test sees its walks: the
 * published edition (the seeded one, or whichever the other tests see) is made past inside it.
 */
async function withWalks(check: (tx: Prisma.TransactionClient, walks: { older: string; newer: string; draft: string }) => Promise<void>) {
  await db
    .$transaction(async (tx) => {
      await tx.event.updateMany({ where: { status: "PUBLISHED" }, data: { status: "PAST", publishedSlot: null } });
      // Centuries ahead: past every walk the other tests (up to about 150 years ahead) and the seed make.
      const older = await createTestEvent(tx, { capacity: 10, endsInDays: 400 * 365 });
      const newer = await createTestEvent(tx, { capacity: 10, endsInDays: 405 * 365 });
      const draft = await createTestEvent(tx, { capacity: 10, endsInDays: 410 * 365 });
      await check(tx, { older: older.id, newer: newer.id, draft: draft.id });
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

const CURRENT = statement<{ now: Date }, { id: string }>("test_current_walk", () => sql`SELECT "id" FROM "Event" ${currentWalkClause} LIMIT 1`);

async function bySql(tx: Prisma.TransactionClient): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(CURRENT.text, ...CURRENT.values({ now: new Date() }));
  return rows[0]?.id ?? null;
}

const setStatus = (tx: Prisma.TransactionClient, id: string, status: "PUBLISHED" | "PAST") =>
  tx.event.update({ where: { id }, data: { status, publishedSlot: status === "PUBLISHED" ? true : null } });

describe("the current walk", () => {
  it("is the published edition, whatever the dates of the others", async () => {
    await withWalks(async (tx, walks) => {
      await setStatus(tx, walks.older, "PAST");
      await setStatus(tx, walks.newer, "PUBLISHED");
      expect(await currentWalkId(tx)).toBe(walks.newer);
      expect(await bySql(tx)).toBe(walks.newer);
      expect(await findCurrentWalk(tx, { id: true, nameEn: true })).toEqual({ id: walks.newer, nameEn: "Test Walk" });
    });
  });

  it("is the most recent past edition while none is published, and never a draft", async () => {
    await withWalks(async (tx, walks) => {
      await setStatus(tx, walks.older, "PAST");
      await setStatus(tx, walks.newer, "PAST");
      expect(await currentWalkId(tx)).toBe(walks.newer);
      expect(await bySql(tx)).toBe(walks.newer);
    });
  });

  it("is no walk when every edition is a draft", async () => {
    await withWalks(async (tx) => {
      await tx.event.updateMany({ where: { status: "PAST" }, data: { status: "DRAFT" } });
      expect(await currentWalkId(tx)).toBeNull();
      expect(await bySql(tx)).toBeNull();
    });
  });
});
