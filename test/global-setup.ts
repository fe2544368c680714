// Vitest global setup: one fresh, migrated database for the run, dropped afterwards.
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../lib/db/client";
import { seed } from "../lib/events/seed";
import { createMigratedDatabase, dropDatabase, findTestServer } from "./support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await findTestServer();
  const database = await createMigratedDatabase(server, "unit");
  // The seeded walk exists before any file runs, so it is always "the current walk" (the next to
  // start): files that make walks of their own (years ahead) never take its place, whatever the order.
  const db = createPrismaClient(database.url, 1);
  await seed(db);
  await db.$disconnect();
  project.provide("databaseUrl", database.url);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await dropDatabase(server, database.name);
    await server.stop();
  };
}
