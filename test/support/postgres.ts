// Finds a PostgreSQL server for a test run and makes a fresh database of the run's own on it:
// DATABASE_URL's server when set, else 127.0.0.1:5432 when it answers, else an embedded server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

export interface TestServer {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function findTestServer(): Promise<TestServer> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const adminUrl = withDatabase(given, "postgres");
    return { adminUrl, urlFor: (db) => withDatabase(given, db), stop: async () => undefined };
  }
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await answers(local)) {
    return { adminUrl: local, urlFor: (db) => withDatabase(local, db), stop: async () => undefined };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "funwalk-test-pg-"));
  let server;
  try {
    server = await startEmbeddedPostgres({ dataDir, port: 54330 + Math.floor(Math.random() * 1000) });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    // A sentence that says what to do (e.g. a clone in a folder PostgreSQL's user cannot enter), not a stack trace.
    if (!(error instanceof EmbeddedPostgresError)) throw error;
    console.error(`${error.message}\nThe tests need PostgreSQL: set DATABASE_URL, or start one on 127.0.0.1:5432.`);
    process.exit(1);
  }
  return {
    adminUrl: server.adminUrl,
    urlFor: server.urlFor,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function admin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const PREFIX = "funwalk_test_";

/** A new empty database named for this run; leftovers of crashed runs older than 6 hours are dropped. */
export async function createDatabase(server: TestServer, label: string): Promise<{ name: string; url: string }> {
  const name = `${PREFIX}${label}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(server.adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`]);
    for (const { datname } of rows) {
      const stamp = Number(datname.split("_").at(-2));
      if (Number.isFinite(stamp) && Date.now() - stamp > 6 * 3_600_000) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
      }
    }
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return { name, url: server.urlFor(name) };
}

export async function dropDatabase(server: TestServer, name: string): Promise<void> {
  await admin(server.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A fresh, migrated database. */
export async function createMigratedDatabase(server: TestServer, label: string) {
  const database = await createDatabase(server, label);
  await migrate(database.url);
  return database;
}
