import "server-only";
import { isUuid } from "../ids";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";

export const walkerFilterSchema = z.object({
  q: z.string().trim().max(200).optional().default(""),
  status: z.enum(["CONFIRMED", "WAITING", "CANCELLED"]).optional().catch(undefined),
  ageBand: z.enum(["UNDER_12", "AGE_12_17", "AGE_18_34", "AGE_35_54", "AGE_55_PLUS"]).optional().catch(undefined),
  checkedIn: z.enum(["yes", "no"]).optional().catch(undefined),
  /** Keyset cursor: the `seq` of the last row of the previous page. */
  after: z.coerce.bigint().optional().catch(undefined),
});
export type WalkerFilter = z.infer<typeof walkerFilterSchema>;

export function walkerWhere(eventId: string, filter: WalkerFilter): Prisma.WalkerWhereInput {
  const where: Prisma.WalkerWhereInput = { eventId };
  if (filter.status) where.status = filter.status;
  if (filter.ageBand) where.ageBand = filter.ageBand;
  if (filter.checkedIn === "yes") where.checkIn = { isNot: null };
  if (filter.checkedIn === "no") where.checkIn = { is: null };
  const q = filter.q.trim();
  if (q) {
    const code = q.toUpperCase().replace(/[\s-]/g, "");
    const words = q.split(/\s+/).filter(Boolean).slice(0, 4);
    where.OR = [
      { ticketCode: code },
      { email: { equals: q.toLowerCase() } },
      {
        AND: words.map((word) => ({
          OR: [
            { firstName: { contains: word, mode: "insensitive" } },
            { lastName: { contains: word, mode: "insensitive" } },
          ],
        })),
      },
    ];
  }
  return where;
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

/** One page of walkers in sign-up order; keyset pagination stays fast however deep the page. */
export async function listWalkers(actor: Actor, eventId: string, filter: WalkerFilter, pageSize = 50) {
  await assertOrganiser(db, actor.userId);
  const where = walkerWhere(eventId, filter);
  const page = (client: Pick<typeof db, "walker">) =>
    client.walker.findMany({
      where: filter.after !== undefined ? { AND: [where, { seq: { gt: filter.after } }] } : where,
      orderBy: { seq: "asc" },
      take: pageSize + 1,
      select: walkerListSelect,
    });
  // A search whose every word has 3 letters or more can use the trigram indexes. Left to itself,
  // PostgreSQL would rather walk the (eventId, seq) index in order and test every walker until it has
  // a page, expecting matches early; for a name that few walkers share (the usual search: one
  // person), or whose walkers signed up late, that reads the whole walk (about 100 ms at 100,000
  // walkers). Without plain index scans it takes the matches from the search's indexes and sorts
  // them: 6 ms for such a name, 28 ms for one that 12,500 walkers share (docs/PERFORMANCE.md).
  // Shorter words have no trigram, so the walk in order stays the better plan for them.
  const words = filter.q.trim().split(/\s+/).filter(Boolean);
  const trigramSearch = words.length > 0 && words.every((word) => word.length >= 3);
  const [rows, total] = await Promise.all([
    trigramSearch
      ? db.$transaction(async (tx) => {
          await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
          return page(tx);
        })
      : page(db),
    db.walker.count({ where }),
  ]);
  const hasMore = rows.length > pageSize;
  const shown = hasMore ? rows.slice(0, pageSize) : rows;
  return { walkers: shown, total, nextCursor: hasMore ? shown.at(-1)!.seq.toString() : null };
}

/** Everything an organiser sees about one walker of `eventId`; null for any other id. */
export async function getWalkerDetail(actor: Actor, eventId: string, walkerId: string) {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(walkerId)) return null;
  return db.walker.findFirst({
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
}

/** Confirmed walkers matching a name or ticket code, for the check-in desk (at most 10). */
export async function searchForCheckIn(actor: Actor, eventId: string, q: string) {
  await assertOrganiser(db, actor.userId);
  const filter = walkerFilterSchema.parse({ q, status: "CONFIRMED" });
  if (!filter.q) return [];
  return db.walker.findMany({
    where: walkerWhere(eventId, filter),
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: 10,
    select: walkerListSelect,
  });
}
