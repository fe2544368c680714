// A database of a test file's own, for files that make their own walk "the current walk" (the
// published edition: one at a time, lib/events/current.ts), which would take it from every other
// file sharing the run's database. Call it in vi.hoisted, before any module reads DATABASE_URL:
//
//   await vi.hoisted(async () => (await import("../../test/support/own-database")).useOwnDatabase("sign-up"));
//
// It is dropped when the file ends (and, after a crash, by the next run's clean-up of old databases).
import { afterAll } from "vitest";
import { createMigratedDatabase, dropDatabase, findTestServer } from "./postgres";

export async function useOwnDatabase(label: string): Promise<void> {
  const server = await findTestServer(); // DATABASE_URL (the run's database) is set: its server
  const database = await createMigratedDatabase(server, label);
  process.env.DATABASE_URL = database.url;
  afterAll(async () => {
    await dropDatabase(server, database.name);
  });
}
