// The unique-violation detector against real violations from each path: pg, Prisma, Prisma's raw SQL.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { isUniqueViolation } from "./errors";

const db = createPrismaClient(process.env.DATABASE_URL!, 2);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
afterAll(async () => {
  await db.$disconnect();
  await client.end();
});

async function seededWalk() {
  return db.event.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
}

/** The error a statement fails with (it must fail). */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("the statement was expected to fail");
}

describe("isUniqueViolation", () => {
  it("recognises PostgreSQL's own error on the plain-SQL path, by the index's name", async () => {
    const walk = await seededWalk();
    await client.connect();
    const error = await failure(() =>
      client.query(`INSERT INTO "Event" SELECT (e).* FROM (SELECT e FROM "Event" e WHERE "id" = $1) s`, [walk.id]),
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "Event_pkey")).toBe(true);
    expect(isUniqueViolation(error, "activePersonKey")).toBe(false);
  });

  it("recognises Prisma's error for its own queries, by the column", async () => {
    const walk = await seededWalk();
    // The same walk again under a new id: its slug is taken.
    const error = await failure(() => db.event.create({ data: { ...walk, id: undefined } as never }));
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "slug")).toBe(true);
    expect(isUniqueViolation(error, "activeBoothId")).toBe(false);
  });

  it("recognises Prisma's raw-query error, and no other error", async () => {
    const walk = await seededWalk();
    const error = await failure(() => db.$executeRaw`INSERT INTO "Event" SELECT (e).* FROM (SELECT e FROM "Event" e WHERE "id" = ${walk.id}::uuid) s`);
    expect(isUniqueViolation(error)).toBe(true);
    const other = await failure(() => db.$executeRaw`SELECT 1/0`);
    expect(isUniqueViolation(other)).toBe(false);
    expect(isUniqueViolation(new Error("duplicate"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
