import "server-only";
import { writeAudit } from "../audit/log";
import { isUuid } from "../ids";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { AGE_BANDS, WALKER_STATUSES } from "./categories";

export const walkerFilterSchema = z.object({
  q: z.string().trim().max(200).optional().default(""),
  status: z.enum(WALKER_STATUSES).optional().catch(undefined),
  ageBand: z.enum(AGE_BANDS).optional().catch(undefined),
  checkedIn: z.enum(["yes", "no"]).optional().catch(undefined),
  /** Keyset cursor: the `seq` of the last row of the previous page. */
  after: z.coerce.bigint().optional().catch(undefined),
});
export type WalkerFilter = z.infer<typeof walkerFilterSchema>;

/**
 * One word of a search, against the first and last name. A word of three letters or more matches
 * anywhere (`ILIKE '%ere%'` finds Pérez); a word of one or two letters matches the start of a name
 * or of a word in it ("li" finds Li, Lisa and Ana Ortiz-Lima, not Emilia). The trigram indexes
 * answer both (a regular expression anchored at a word's start has trigrams where `'%li%'` has
 * none, and one expression reads the index once where four LIKE patterns read it four times). A
 * fragment that short inside a word would read every walker, and a short word is almost always
 * the start of a name anyway.
 */
function nameMatches(word: string): Prisma.Sql {
  if (word.length >= 3) {
    const pattern = `%${word.replace(/[\\%_]/g, "\\$&")}%`;
    return Prisma.sql`(w."firstName" ILIKE ${pattern} OR w."lastName" ILIKE ${pattern})`;
  }
  const wordStart = `(^|[-' ])${word.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&")}`;
  return Prisma.sql`(w."firstName" ~* ${wordStart} OR w."lastName" ~* ${wordStart})`;
}

/**
 * The walkers of `eventId` that `filter` selects (its cursor aside), as a condition on
 * `"Walker" w`. The search `q` matches a ticket code (spaces and dashes ignored), an email, or
 * names: every word of it (at most four) must match the first or last name.
 */
export function walkerConditions(eventId: string, filter: WalkerFilter): Prisma.Sql {
  const conditions = [Prisma.sql`w."eventId" = ${eventId}::uuid`];
  if (filter.status) conditions.push(Prisma.sql`w."status" = ${filter.status}::"WalkerStatus"`);
  if (filter.ageBand) conditions.push(Prisma.sql`w."ageBand" = ${filter.ageBand}::"AgeBand"`);
  if (filter.checkedIn) {
    const checkedIn = Prisma.sql`EXISTS (SELECT 1 FROM "CheckIn" c WHERE c."walkerId" = w."id")`;
    conditions.push(filter.checkedIn === "yes" ? checkedIn : Prisma.sql`NOT ${checkedIn}`);
  }
  const q = filter.q.trim();
  if (q) {
    const words = q.split(/\s+/).slice(0, 4);
    conditions.push(Prisma.sql`(w."ticketCode" = ${q.toUpperCase().replace(/[\s-]/g, "")}
      OR w."email" = ${q.toLowerCase()}
      OR (${Prisma.join(words.map(nameMatches), " AND ")}))`);
  }
  return Prisma.join(conditions, " AND ");
}

/** The `seq`s of the walkers that `where` selects, in sign-up order, after `after`. */
export function walkerSeqsInOrder(client: Pick<typeof db, "$queryRaw">, where: Prisma.Sql, after: bigint | undefined, limit: number) {
  return client.$queryRaw<{ seq: bigint }[]>`
    SELECT w."seq" FROM "Walker" w
    WHERE ${where}${after === undefined ? Prisma.empty : Prisma.sql` AND w."seq" > ${after}`}
    ORDER BY w."seq" LIMIT ${limit}`.then((rows) => rows.map((row) => row.seq));
}

export const walkerListSelect = {
  id: true,
  seq: true,
  firstName: true,
  lastName: true,
  email: true,
  ageBand: true,
  tshirtSize: true,
  language: true,
  status: true,
  ticketCode: true,
  createdAt: true,
  guardianName: true,
  checkIn: { select: { checkedInAt: true } },
} as const;

/** The list's columns for the walkers `seqs` of `eventId`, in the order of `seqs`. */
async function listRows(eventId: string, seqs: bigint[]) {
  if (seqs.length === 0) return [];
  const rows = await db.walker.findMany({ where: { eventId, seq: { in: seqs } }, select: walkerListSelect });
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
}

/** A search counts its matches up to this many; past it the list says "more than 1,000". */
export const SEARCH_COUNT_LIMIT = 1000;
/** A search with more matches than that first looks for its page among this many walkers. */
export const SEARCH_WALK_LIMIT = 5000;

/** How many walkers `where` selects. */
function countWalkers(where: Prisma.Sql, filter: WalkerFilter): Promise<{ n: number }[]> {
  const count = (client: Pick<typeof db, "$queryRaw">) => client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Walker" w WHERE ${where}`;
  if (!filter.checkedIn) return count(db);
  // Checked in or not: the walk's ids, read index-only, joined with CheckIn. PostgreSQL plans
  // parallel workers for it, which take longer to start than they save (at 100,000 walkers on two
  // cores: 60 ms with them, 17 ms without), so this count runs without them.
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('max_parallel_workers_per_gather', '0', true)`;
    return count(tx);
  });
}

/**
 * One page of walkers in sign-up order; keyset pagination stays fast however deep the page.
 * `total` is exact, except for a search with more than SEARCH_COUNT_LIMIT matches: then it is
 * SEARCH_COUNT_LIMIT and `totalIsAtLeast` is true.
 */
export async function listWalkers(actor: Actor, eventId: string, filter: WalkerFilter, pageSize = 50) {
  await assertOrganiser(db, actor.userId);
  const where = walkerConditions(eventId, filter);
  let seqs: bigint[];
  let total: number;
  let totalIsAtLeast = false;
  if (!filter.q.trim()) {
    let counted: { n: number }[];
    [seqs, counted] = await Promise.all([
      walkerSeqsInOrder(db, where, filter.after, pageSize + 1),
      countWalkers(where, filter),
    ]);
    total = counted[0]!.n;
  } else {
    // A search. Every word of it can be answered by the search's indexes (see nameMatches), but
    // the fast plan depends on how many walkers match, and where in the walk, which PostgreSQL can
    // only guess. So first take the matches from the indexes alone (scans priced out), up to just
    // past the limit: that reads at most 1,001 rows, even when every walker matches.
    //  - Few matches (the usual search: one person): they are all here; sort them for the page.
    //    Left to itself PostgreSQL would rather walk the walk in sign-up order testing every
    //    walker until it has a page, which reads the whole walk when the matches signed up late.
    //  - Many: walking in sign-up order usually finds a page within the first few hundred
    //    walkers; but if it has not after SEARCH_WALK_LIMIT walkers (the matches signed up late),
    //    sort the matches instead, which reads each of them once.
    // Measured at 100,000 walkers in docs/PERFORMANCE.md.
    [seqs, total, totalIsAtLeast] = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`;
      const matches = await tx.$queryRaw<{ seq: bigint }[]>`
        SELECT w."seq" FROM "Walker" w WHERE ${where} LIMIT ${SEARCH_COUNT_LIMIT + 1}`;
      if (matches.length <= SEARCH_COUNT_LIMIT) {
        const after = filter.after ?? -1n;
        const inOrder = matches.map((row) => row.seq).filter((seq) => seq > after).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return [inOrder.slice(0, pageSize + 1), matches.length, false] as const;
      }
      await tx.$queryRaw`SELECT set_config('enable_seqscan', 'on', true), set_config('enable_indexscan', 'on', true)`;
      // The walkers after the cursor in order, at most SEARCH_WALK_LIMIT, tested one by one until a
      // page's worth match; the last of them comes back too (hit or not) if the walk got that far.
      const walked = await tx.$queryRaw<{ seq: bigint; hit: boolean; n: bigint }[]>`
        SELECT s."seq", s.hit, s.n FROM (
          SELECT w."seq", (${where}) AS hit, row_number() OVER (ORDER BY w."seq") AS n FROM "Walker" w
          WHERE w."eventId" = ${eventId}::uuid AND w."seq" > ${filter.after ?? -1n}
          ORDER BY w."seq" LIMIT ${SEARCH_WALK_LIMIT}
        ) s
        WHERE s.hit OR s.n = ${SEARCH_WALK_LIMIT} LIMIT ${pageSize + 1}`;
      const found = walked.filter((row) => row.hit).map((row) => row.seq);
      const cutShort = walked.some((row) => row.n === BigInt(SEARCH_WALK_LIMIT));
      if (found.length > pageSize || !cutShort) return [found, SEARCH_COUNT_LIMIT, true] as const;
      await tx.$queryRaw`SELECT set_config('enable_indexscan', 'off', true)`;
      return [await walkerSeqsInOrder(tx, where, filter.after, pageSize + 1), SEARCH_COUNT_LIMIT, true] as const;
    });
  }
  const hasMore = seqs.length > pageSize;
  const walkers = await listRows(eventId, hasMore ? seqs.slice(0, pageSize) : seqs);
  return { walkers, total, totalIsAtLeast, nextCursor: hasMore ? walkers.at(-1)!.seq.toString() : null };
}

/**
 * Everything an organiser sees about one walker of `eventId`; null for any other id. Each opening
 * is in the audit log (who, which walker, when).
 */
export async function getWalkerDetail(actor: Actor, eventId: string, walkerId: string) {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(walkerId)) return null;
  const walker = await db.walker.findFirst({
    where: { id: walkerId, eventId },
    select: {
      ...walkerListSelect,
      phone: true,
      emergencyContactName: true,
      emergencyContactPhone: true,
      accessibilityNeeds: true,
      photoConsent: true,
      guardianConsent: true,
      groupId: true,
      group: { select: { _count: { select: { walkers: true } } } },
    },
  });
  if (walker) await writeAudit(db, { actorId: actor.userId, action: "walker.view", entityType: "Walker", entityId: walker.id });
  return walker;
}

/** Confirmed walkers matching a name or ticket code, for the check-in desk (at most 10). */
export async function searchForCheckIn(actor: Actor, eventId: string, q: string) {
  await assertOrganiser(db, actor.userId);
  const filter = walkerFilterSchema.parse({ q, status: "CONFIRMED" });
  if (!filter.q) return [];
  const found = await db.$queryRaw<{ seq: bigint }[]>`
    SELECT w."seq" FROM "Walker" w WHERE ${walkerConditions(eventId, filter)}
    ORDER BY w."lastName", w."firstName", w."seq" LIMIT 10`;
  return listRows(eventId, found.map((row) => row.seq));
}
