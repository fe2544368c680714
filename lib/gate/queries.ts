import "server-only";
// What the gate and the organisers read. The gate's list is what a volunteer needs to admit a walker
// and nothing else: never an email, phone, emergency contact or accessibility need (a test asserts
// on the JSON's keys). The organisers' reads are the passes, the double scans and the gate board.
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { isMinor } from "../walkers/categories";
import type { GateActor } from "./pass";
import { decodeCursor, encodeCursor } from "./schema";

import type { GateWalker } from "./contract";

export type { GateWalker };

export interface GatePassInfo {
  id: string;
  label: string;
  opensAt: string;
  closesAt: string;
}

export interface GateList {
  walk: { id: string; name: { en: string; es: string }; startsAt: string; endsAt: string };
  pass: GatePassInfo;
  serverTime: string;
  cursor: string;
  full: boolean;
  walkers: GateWalker[];
  removed: string[];
}

export const passInfo = (actor: GateActor): GatePassInfo => ({
  id: actor.passId,
  label: actor.label,
  opensAt: actor.opensAt.toISOString(),
  closesAt: actor.closesAt.toISOString(),
});

/**
 * The pass's walk's gate list: every walker (full), or those changed since the cursor's time (their
 * row, their check-in, an undo or an erasure). Erased walkers are only ever in `removed`.
 */
export async function gateList(actor: GateActor, since: string | null | undefined): Promise<GateList> {
  const [{ now }] = (await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
  const from = decodeCursor(since, now);
  const [walk, rows] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: actor.eventId }, select: { id: true, nameEn: true, nameEs: true, startsAt: true, endsAt: true } }),
    from
      ? db.$queryRaw<Row[]>`
          SELECT w."ticketCode", w."firstName", w."lastName", w."ageBand"::text AS "ageBand", w."tshirtSize"::text AS "tshirtSize",
                 w."guardianName", w.status::text AS status, c.id IS NOT NULL AS "checkedIn", w."erasedAt" IS NOT NULL AS erased
          FROM "Walker" w LEFT JOIN "CheckIn" c ON c."walkerId" = w.id
          WHERE w."eventId" = ${actor.eventId}::uuid AND (w."updatedAt" > ${from} OR c."checkedInAt" > ${from})
          ORDER BY w.seq`
      : db.$queryRaw<Row[]>`
          SELECT w."ticketCode", w."firstName", w."lastName", w."ageBand"::text AS "ageBand", w."tshirtSize"::text AS "tshirtSize",
                 w."guardianName", w.status::text AS status, c.id IS NOT NULL AS "checkedIn", false AS erased
          FROM "Walker" w LEFT JOIN "CheckIn" c ON c."walkerId" = w.id
          WHERE w."eventId" = ${actor.eventId}::uuid AND w."erasedAt" IS NULL
          ORDER BY w.seq`,
  ]);
  // Every phone that takes the whole list (every walker's name onto a phone) is in the audit log;
  // the changes it then asks for every minute are not.
  if (!from) {
    await writeAudit(db, {
      actorId: null,
      gatePassId: actor.passId,
      action: "gate.list.full",
      entityType: "Event",
      entityId: actor.eventId,
      after: { walkers: rows.length },
    });
  }
  return {
    walk: { id: walk.id, name: { en: walk.nameEn, es: walk.nameEs }, startsAt: walk.startsAt.toISOString(), endsAt: walk.endsAt.toISOString() },
    pass: passInfo(actor),
    serverTime: now.toISOString(),
    cursor: encodeCursor(now),
    full: !from,
    // Built field by field: a column added to the query never reaches a phone by accident.
    walkers: rows
      .filter((r) => !r.erased)
      .map((r) => ({
        ticketCode: r.ticketCode,
        firstName: r.firstName,
        lastName: r.lastName,
        ageBand: r.ageBand,
        tshirtSize: r.tshirtSize,
        guardianName: isMinor(r.ageBand) ? r.guardianName : null,
        status: r.status,
        checkedIn: r.checkedIn,
      })),
    removed: rows.filter((r) => r.erased).map((r) => r.ticketCode),
  };
}

interface Row {
  ticketCode: string;
  firstName: string;
  lastName: string;
  ageBand: string;
  tshirtSize: string | null;
  guardianName: string | null;
  status: GateWalker["status"];
  checkedIn: boolean;
  erased: boolean;
}

/** The walk's passes, newest first, with their check-ins (walk-ups included). */
export async function listGatePasses(actor: Actor, eventId: string) {
  await assertOrganiser(db, actor.userId);
  return db.gatePass.findMany({
    where: { eventId },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, opensAt: true, closesAt: true, revokedAt: true, lastSeenAt: true, createdAt: true, _count: { select: { checkIns: true } } },
  });
}

/** Second check-ins of tickets already checked in, newest first: the ticket, both passes, when. */
export async function listDuplicateScans(actor: Actor, eventId: string, limit = 200) {
  await assertOrganiser(db, actor.userId);
  const scans = await db.duplicateScan.findMany({
    where: { eventId },
    orderBy: { receivedAt: "desc" },
    take: limit,
    select: {
      id: true,
      receivedAt: true,
      deviceAt: true,
      gatePass: { select: { label: true } },
      walker: { select: { ticketCode: true, checkIn: { select: { checkedInAt: true, gatePass: { select: { label: true } } } } } },
    },
  });
  return scans.map((s) => ({
    id: s.id,
    ticketCode: s.walker.ticketCode,
    receivedAt: s.receivedAt,
    deviceAt: s.deviceAt,
    pass: s.gatePass.label,
    // The check-in that counted: by a pass (its label), at the organisers' desk (null), or undone since (undefined).
    firstPass: s.walker.checkIn ? (s.walker.checkIn.gatePass?.label ?? null) : undefined,
    firstAt: s.walker.checkIn?.checkedInAt ?? null,
  }));
}

export interface GateBoard {
  checkedIn: number;
  expected: number;
  perPass: { passId: string | null; label: string | null; count: number }[];
  perFiveMinutes: { at: Date; count: number }[];
}

/** Checked in against expected (confirmed walkers), per pass (null: the organisers' desk), per 5 minutes. */
export async function getGateBoard(actor: Actor, eventId: string): Promise<GateBoard> {
  await assertOrganiser(db, actor.userId);
  const [totals, perPass, perFive] = await Promise.all([
    db.$queryRaw<{ checkedIn: number; expected: number }[]>`
      SELECT (SELECT count(*)::int FROM "CheckIn" WHERE "eventId" = ${eventId}::uuid) AS "checkedIn",
             (SELECT count(*)::int FROM "Walker" WHERE "eventId" = ${eventId}::uuid AND status = 'CONFIRMED') AS expected`,
    db.$queryRaw<{ passId: string | null; label: string | null; count: number }[]>`
      SELECT c."gatePassId" AS "passId", p.label, count(*)::int AS count
      FROM "CheckIn" c LEFT JOIN "GatePass" p ON p.id = c."gatePassId"
      WHERE c."eventId" = ${eventId}::uuid
      GROUP BY c."gatePassId", p.label ORDER BY count DESC`,
    db.$queryRaw<{ at: Date; count: number }[]>`
      SELECT date_bin('5 minutes', "checkedInAt", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS at, count(*)::int AS count
      FROM "CheckIn" WHERE "eventId" = ${eventId}::uuid
      GROUP BY 1 ORDER BY 1`,
  ]);
  return { checkedIn: totals[0]?.checkedIn ?? 0, expected: totals[0]?.expected ?? 0, perPass, perFiveMinutes: perFive };
}

/** The walk's day and zone, for a new pass's default window (./time.ts defaultPassWindow). */
export async function gateWalkTimes(actor: Actor, eventId: string) {
  await assertOrganiser(db, actor.userId);
  return db.event.findUniqueOrThrow({ where: { id: eventId }, select: { startsAt: true, endsAt: true, timezone: true } });
}
