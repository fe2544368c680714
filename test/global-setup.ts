// Vitest global setup: one fresh, migrated database for the run, dropped afterwards.
import type { TestProject } from "vitest/node";
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
  project.provide("databaseUrl", database.url);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await dropDatabase(server, database.name);
    await server.stop();
  };
}
