// npm run privacy:purge [-- --dry-run]
// Erases the personal data of every walk whose retention period has passed (lib/privacy/purge.ts),
// as the worker does each day. --dry-run prints what it would erase, as counts, and changes nothing.
import { parseEnv, parseOrExit } from "../lib/env-schema";

const env = parseOrExit(parseEnv);
const { createPrismaClient } = await import("../lib/db/client");
const { purgeExpiredPersonalData } = await import("../lib/privacy/purge");

const dryRun = process.argv.slice(2).includes("--dry-run");
const db = createPrismaClient(env.DATABASE_URL, 2);
try {
  const report = await purgeExpiredPersonalData(db, { dryRun });
  const verb = dryRun ? "would erase" : "erased";
  if (report.walks.length === 0) console.log("No walk is past its retention period: nothing to erase.");
  for (const walk of report.walks) {
    console.log(
      `${walk.slug} (retention ended ${walk.dueSince.slice(0, 10)}): ${verb} ${walk.walkers} walker(s), ${walk.groups} registration group(s), ` +
        `${walk.emails} email(s), ${walk.organisations} booth contact(s)${dryRun ? "" : walk.finished ? "; nothing personal is left" : "; not finished, run again"}`,
    );
  }
  console.log(`${dryRun ? "Would delete" : "Deleted"} ${report.signInTokens} expired sign-in token(s) and old sign-in email(s).`);
  if (dryRun) console.log("Dry run: nothing was changed.");
} finally {
  await db.$disconnect();
}
