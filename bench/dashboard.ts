// Part of `npm run bench`: adds 100,000 registrations to a copy of the walk given (see
// dashboardEvent) with one bulk INSERT … SELECT generate_series, then times the organiser
// overview and the walker list (with filters and search) as the dashboard calls them. Runs with
// `--conditions=react-server` so that the lib/ modules' `server-only` marker resolves as it does
// inside Next.js.
// Prints one JSON line: median and worst of several calls, in ms.
import pg from "pg";
import { getOverview } from "../lib/dashboard/queries";
import { db } from "../lib/db";
import { listWalkers, walkerFilterSchema } from "../lib/walkers/queries";

const signUpEventId = process.argv[2]!;
const TOTAL = Number(process.env.BENCH_WALKERS ?? 100_000);

async function addRegistrations(eventId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Walker" WHERE "eventId" = $1`, [eventId]);
  const missing = TOTAL - rows[0]!.n;
  if (missing > 0) {
    const batch = 50_000;
    for (let from = 1; from <= missing; from += batch) {
      const to = Math.min(missing, from + batch - 1);
      await client.query(
        `WITH g AS (
           INSERT INTO "RegistrationGroup" ("id", "eventId", "contactEmail", "language", "submissionKey", "updatedAt")
           SELECT gen_random_uuid(), $1::uuid, 'seed-' || i || '@example.org', (CASE WHEN i % 3 = 0 THEN 'ES' ELSE 'EN' END)::"Language",
                  'seed' || i || '-' || md5(random()::text), now()
           FROM generate_series($2::int, $3::int) i
           RETURNING "id", "contactEmail", "language")
         INSERT INTO "Walker" ("id", "eventId", "groupId", "isGroupLeader", "firstName", "lastName", "email", "ageBand", "tshirtSize",
           "emergencyContactName", "emergencyContactPhone", "language", "waiverVersion", "waiverAcceptedAt", "status",
           "activePersonKey", "ticketCode", "confirmedAt", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, g."id", true,
                (ARRAY['Ana','Luis','Maria','Kevin','Aaliyah','Jose','Priya','Marcus'])[1 + (abs(hashtext(g."id"::text)) % 8)],
                'Seed' || md5(g."id"::text), g."contactEmail",
                (ARRAY['UNDER_12','AGE_12_17','AGE_18_34','AGE_35_54','AGE_55_PLUS'])[1 + (abs(hashtext(g."contactEmail")) % 5)]::"AgeBand",
                (ARRAY['S','M','L','XL'])[1 + (abs(hashtext(g."id"::text || 'x')) % 4)]::"TshirtSize",
                'Contact', '+18686201234', g."language", 'bench', now(),
                (CASE WHEN abs(hashtext(g."id"::text)) % 10 = 0 THEN 'WAITING' WHEN abs(hashtext(g."id"::text)) % 10 = 1 THEN 'CANCELLED' ELSE 'CONFIRMED' END)::"WalkerStatus",
                $1 || '|' || g."contactEmail", upper(substr(md5(g."id"::text), 1, 12)), now(),
                now() - (abs(hashtext(g."contactEmail")) % 60) * interval '1 day', now()
         FROM g`,
        [eventId, from, to],
      );
    }
  }
  // What autovacuum does on its own within a minute of so many inserts (PostgreSQL 13+ vacuums a
  // table after inserts too): statistics, and the visibility map that lets the dashboard's counts
  // read indexes alone. The bench's server may run with autovacuum off, so it is done here, whether
  // the rows came from this INSERT or from `npm run bench`'s own sign-ups (which can pass 100,000).
  // The outbox too: the overview counts it, and the sign-ups fill it with their emails.
  await client.query(`VACUUM (ANALYZE) "Walker", "RegistrationGroup", "EmailOutbox"`);
  // What that vacuum achieved: the share of each table's pages marked all-visible (an index-only
  // count reads the table's pages where they are not), and any other session of this database whose
  // snapshot or transaction kept it from marking them (vacuum cannot mark rows such a session might
  // still not see).
  const visibility = await client.query<{ table: string; pages: number; allVisible: number }>(
    `SELECT relname AS table, relpages AS pages, relallvisible AS "allVisible" FROM pg_class
      WHERE relname IN ('Walker', 'EmailOutbox') AND relkind = 'r' ORDER BY relname`,
  );
  const holders = await client.query<{ state: string; ageSeconds: number }>(
    `SELECT state, extract(epoch FROM now() - coalesce(xact_start, backend_start))::int AS "ageSeconds" FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND (backend_xmin IS NOT NULL OR backend_xid IS NOT NULL)`,
  );
  const sample = await client.query<{ ticketCode: string; email: string; lastName: string }>(
    `SELECT "ticketCode", "email", "lastName" FROM "Walker" WHERE "eventId" = $1 ORDER BY "seq" DESC LIMIT 1`,
    [eventId],
  );
  const total = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Walker" WHERE "eventId" = $1`, [eventId]);
  await client.end();
  return { sample: sample.rows[0]!, total: total.rows[0]!.n, afterVacuum: { tables: visibility.rows, sessionsHoldingRows: holders.rows } };
}

async function time(run: () => Promise<unknown>, times = 7) {
  await run(); // warm
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: +ms[Math.floor(ms.length / 2)]!.toFixed(1), maxMs: +ms.at(-1)!.toFixed(1) };
}

/**
 * A walk of its own for the dashboard, a copy of the sign-up walk: the run's sign-ups (over
 * 100,000 in a full run) stay in the table under the other walk, and this one gets exactly
 * BENCH_WALKERS generated registrations, the same data every run.
 */
async function dashboardEvent(): Promise<string> {
  const source: Record<string, unknown> = { ...(await db.event.findUniqueOrThrow({ where: { id: signUpEventId } })) };
  // A draft: the published edition stays the one walk PostgreSQL lets be published (lib/events/editions.ts).
  for (const own of ["id", "confirmedCount", "createdAt", "updatedAt", "status", "publishedSlot", "publishedAt"]) delete source[own];
  const data = { ...source, slug: `${String(source.slug)}-dashboard-${Date.now()}` } as Parameters<typeof db.event.create>[0]["data"];
  return (await db.event.create({ data, select: { id: true } })).id;
}

async function main() {
  const eventId = await dashboardEvent();
  const { sample, total, afterVacuum } = await addRegistrations(eventId);
  const organiser = await db.user.findFirstOrThrow({ where: { role: { in: ["ORGANISER", "ADMIN"] } }, select: { id: true, role: true } });
  const actor = { userId: organiser.id, role: organiser.role };
  const list = (filter: Record<string, string>) => () => listWalkers(actor, eventId, walkerFilterSchema.parse(filter));
  const deep = await listWalkers(actor, eventId, walkerFilterSchema.parse({}), 50);
  const results = {
    walkers: total,
    afterVacuum,
    overview: await time(() => getOverview(actor, eventId)),
    listFirstPage: await time(list({})),
    listNextPage: await time(list({ after: deep.nextCursor ?? "0" })),
    listConfirmed: await time(list({ status: "CONFIRMED" })),
    listAgeBandWaiting: await time(list({ status: "WAITING", ageBand: "AGE_18_34" })),
    listNotCheckedIn: await time(list({ checkedIn: "no" })),
    searchName: await time(list({ q: "maria" })),
    // One person's last name: the usual search, few matches (here one, signed up last).
    searchOnePerson: await time(list({ q: sample.lastName })),
    searchTwoWords: await time(list({ q: `ana ${sample.lastName.slice(0, 8)}` })),
    searchTicketCode: await time(list({ q: sample.ticketCode })),
    searchEmail: await time(list({ q: sample.email })),
    // Words of one or two letters match the start of a name's words: "ma" (Maria, Marcus: a
    // quarter of the walk), "se" (every generated last name starts "Seed"), "zq" (nobody).
    searchShortWord: await time(list({ q: "ma" })),
    searchShortEveryone: await time(list({ q: "se" })),
    searchShortNobody: await time(list({ q: "zq" })),
  };
  await db.$disconnect();
  console.log(JSON.stringify(results));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
