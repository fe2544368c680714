// Direct access to the run's database, for arranging states a user cannot reach quickly
// (a full walk). Tests never assert through it what the pages can show.
import { readFileSync } from "node:fs";
import pg from "pg";
import { e2e } from "./env";

export async function withDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readFileSync(e2e.databaseUrlFile, "utf8").trim() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Sets the upcoming walk's capacity; returns the places already taken. */
export async function setCapacity(capacity: number | "taken"): Promise<{ capacity: number; confirmedCount: number }> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ capacity: number; confirmedCount: number }>(
      `UPDATE "Event" SET "capacity" = CASE WHEN $1::int IS NULL THEN "confirmedCount" ELSE $1::int END
       WHERE "id" = (SELECT "id" FROM "Event" WHERE "status" = 'PUBLISHED')
       RETURNING "capacity", "confirmedCount"`,
      [capacity === "taken" ? null : capacity],
    );
    return rows[0]!;
  });
}

/** How many walkers of the current walk are on the waiting list (while any are, new walkers queue behind them). */
export async function waitingCount(): Promise<number> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS "waiting" FROM "Walker"
       WHERE "status" = 'WAITING' AND "eventId" = (SELECT "id" FROM "Event" WHERE "status" = 'PUBLISHED')`,
    );
    return rows[0]!.waiting;
  });
}
