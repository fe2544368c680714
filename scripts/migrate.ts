// npm run db:migrate — applies pending migrations to DATABASE_URL.
import { migrate, MigrationError } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is missing: set it to the PostgreSQL database to migrate.");
  process.exit(1);
}
try {
  const applied = await migrate(url, { log: (line) => console.log(line) });
  console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.");
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : `Could not migrate: ${(error as Error).message}`);
  process.exit(1);
}
