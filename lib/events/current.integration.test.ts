// What "the current walk" means (lib/events/current.ts), in Prisma and in SQL alike.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { createTestEvent } from "../../test/support/events";
import { sql, statement } from "../db/sql";
import { currentWalkId, currentWalkOrder, findCurrentWalk } from "./current";

const db = createPrismaClient(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());

const day = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * day);

class Rollback extends Error {}

/** Runs `check` on walks of its own that are rolled back afterwards, so no other test sees them. */
async function withWalks(check: (tx: Prisma.TransactionClient, walks: { soon: string; later: string }) => Promise<void>) {
  await db
    .$transaction(async (tx) => {
      // Centuries ahead: past every walk the other tests (up to about 150 years ahead) and the seed make.
      const soon = await createTestEvent(tx, { capacity: 10, endsInDays: 400 * 365 });
      const later = await createTestEvent(tx, { capacity: 10, endsInDays: 405 * 365 });
      await check(tx, { soon: soon.id, later: later.id });
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

const CURRENT = statement<{ now: Date }, { id: string }>("test_current_walk", (p) => sql`SELECT "id" FROM "Event" ORDER BY ${currentWalkOrder(p.now)} LIMIT 1`);

async function bySql(tx: Prisma.TransactionClient, now: Date): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(CURRENT.text, ...CURRENT.values({ now }));
  return rows[0]?.id ?? null;
}

describe("the current walk", () => {
  it("is the next walk still to end, soonest first", async () => {
    await withWalks(async (tx, walks) => {
      const now = inDays(399 * 365);
      expect(await currentWalkId(tx, now)).toBe(walks.soon);
      expect(await bySql(tx, now)).toBe(walks.soon);
    });
  });

  it("is a walk that is under way until it ends", async () => {
    await withWalks(async (tx, walks) => {
      const walk = await tx.event.findUniqueOrThrow({ where: { id: walks.soon }, select: { startsAt: true, endsAt: true } });
      const during = new Date((walk.startsAt.getTime() + walk.endsAt.getTime()) / 2);
      expect(await currentWalkId(tx, during)).toBe(walks.soon);
      expect(await bySql(tx, during)).toBe(walks.soon);
      const justAfter = new Date(walk.endsAt.getTime() + 1);
      expect(await currentWalkId(tx, justAfter)).toBe(walks.later);
      expect(await bySql(tx, justAfter)).toBe(walks.later);
    });
  });

  it("is the most recent walk once every walk is over", async () => {
    await withWalks(async (tx, walks) => {
      const now = inDays(410 * 365);
      expect(await currentWalkId(tx, now)).toBe(walks.later);
      expect(await bySql(tx, now)).toBe(walks.later);
      expect(await findCurrentWalk(tx, { id: true, nameEn: true }, now)).toEqual({ id: walks.later, nameEn: "Test Walk" });
    });
  });
});
