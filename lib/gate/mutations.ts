import "server-only";
// What changes at the gate. Organisers make and revoke passes; a pass checks walkers in, undoes its
// own check-in within 2 minutes and registers walk-ups. Each item of a phone's upload is one
// transaction: its id goes first into GateSyncItem (primary key), so an item sent again, or twice at
// once, finds that row and changes nothing; a refused item rolls back and leaves nothing behind.
// One check-in per walker is CheckIn's unique walkerId; walk-ups' places are a conditional UPDATE of
// the walk's row. Every change writes its audit entry, which never holds a walker's name.
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { normaliseTicketCode } from "../checkin/mutations";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { privacyVersionOf } from "../privacy/notice";
import { newTicketCode } from "../registrations/ticket-code";
import { isMinor } from "../walkers/categories";
import { gateSentences } from "./messages";
import type { GateActor } from "./pass";
import { claimedId, newPassSchema, syncItemSchema, UNDO_WINDOW_MS, type NewPassInput, type SyncItem } from "./schema";
import { fromZonedInput } from "./time";
import { hashPassToken, newPassToken } from "./token";

type Tx = Prisma.TransactionClient;

export class PassWindowInvalid extends Error {
  override name = "PassWindowInvalid";
  constructor(public readonly field: "opensAt" | "closesAt", public readonly code: "dateInvalid" | "closesBeforeOpens") {
    super(`gate pass window: ${code}`);
  }
}
export class PassNotFound extends Error {
  override name = "PassNotFound";
}

/**
 * A new gate pass for the walk. Returns the raw token once: only its hash is stored, so the link
 * cannot be shown again (a lost link means a new pass, and revoking the old one).
 */
export async function createGatePass(actor: Actor, eventId: string, input: NewPassInput) {
  const data = newPassSchema.parse(input);
  return db.$transaction(async (tx) => {
    await assertOrganiser(tx, actor.userId);
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { timezone: true } });
    const opensAt = fromZonedInput(data.opensAt, event.timezone);
    const closesAt = fromZonedInput(data.closesAt, event.timezone);
    if (!opensAt) throw new PassWindowInvalid("opensAt", "dateInvalid");
    if (!closesAt) throw new PassWindowInvalid("closesAt", "dateInvalid");
    if (closesAt <= opensAt) throw new PassWindowInvalid("closesAt", "closesBeforeOpens");
    const token = newPassToken();
    const pass = await tx.gatePass.create({
      data: { eventId, label: data.label, tokenHash: hashPassToken(token), opensAt, closesAt, createdById: actor.userId },
      select: { id: true, label: true, opensAt: true, closesAt: true },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "gate.pass.create",
      entityType: "GatePass",
      entityId: pass.id,
      after: { label: pass.label, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
    });
    return { ...pass, token };
  });
}

/** Revokes a pass of the walk: from its next request on it gets a 401. Revoking twice changes nothing. */
export async function revokeGatePass(actor: Actor, eventId: string, passId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    await assertOrganiser(tx, actor.userId);
    const revoked = await tx.gatePass.updateMany({ where: { id: passId, eventId, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 0) {
      const exists = await tx.gatePass.count({ where: { id: passId, eventId } });
      if (!exists) throw new PassNotFound("no such gate pass");
      return { revoked: false };
    }
    await writeAudit(tx, { actorId: actor.userId, action: "gate.pass.revoke", entityType: "GatePass", entityId: passId, after: { revokedAt: now.toISOString() } });
    return { revoked: true };
  });
}

export type SyncOutcome = "checked_in" | "already" | "duplicate" | "undone" | "walkup_created";
export type SyncRefusal = "unknown" | "cancelled" | "waiting" | "other_walk" | "invalid" | "too_late" | "full";

export type SyncResult =
  | { id: string | null; ok: true; outcome: SyncOutcome; ticketCode?: string }
  | { id: string | null; ok: false; reason: SyncRefusal; message: { en: string; es: string } };

/** Thrown inside an item's transaction to refuse it: the transaction rolls back. */
class ItemRefused extends Error {
  constructor(public readonly reason: SyncRefusal, public readonly sentence: "undoUnknown" | SyncRefusal = reason) {
    super(reason);
  }
}

const refused = (id: string | null, reason: SyncRefusal, sentence: "undoUnknown" | SyncRefusal = reason): SyncResult => ({
  id,
  ok: false,
  reason,
  message: gateSentences(`reasons.${sentence}`),
});

/**
 * Applies a phone's upload, item by item in order: each answer says what happened to it. Items the
 * schema refuses (a malformed id, time or walk-up) answer "invalid"; the rest go on.
 */
export async function syncGateItems(actor: GateActor, items: unknown[]): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  for (const raw of items) {
    const parsed = syncItemSchema.safeParse(raw);
    if (!parsed.success) {
      results.push(refused(claimedId(raw), "invalid"));
      continue;
    }
    try {
      results.push(await db.$transaction((tx) => applyItem(tx, actor, parsed.data), { maxWait: 20_000, timeout: 20_000 }));
    } catch (error) {
      if (error instanceof ItemRefused) results.push(refused(parsed.data.id, error.reason, error.sentence));
      else throw error;
    }
  }
  return results;
}

async function applyItem(tx: Tx, actor: GateActor, item: SyncItem): Promise<SyncResult> {
  // The item's id first: a second copy waits here for the first to commit, then finds it.
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "GateSyncItem" (id, "gatePassId", kind, outcome) VALUES (${item.id}::uuid, ${actor.passId}::uuid, ${item.kind}, '')
    ON CONFLICT (id) DO NOTHING RETURNING id`;
  if (!claimed[0]) {
    const earlier = await tx.gateSyncItem.findUniqueOrThrow({ where: { id: item.id }, select: { gatePassId: true, kind: true, ticketCode: true } });
    // Another pass's id (a guess or a copy) tells this one nothing.
    if (earlier.gatePassId !== actor.passId || earlier.kind !== item.kind) throw new ItemRefused("invalid");
    return { id: item.id, ok: true, outcome: "already", ...(earlier.ticketCode ? { ticketCode: earlier.ticketCode } : {}) };
  }
  const result = item.kind === "checkin" ? await checkIn(tx, actor, item) : item.kind === "undo" ? await undo(tx, actor, item) : await walkUp(tx, actor, item);
  await tx.gateSyncItem.update({ where: { id: item.id }, data: { outcome: result.outcome, ticketCode: result.ticketCode ?? null } });
  return { id: item.id, ok: true, ...result };
}

type Applied = { outcome: SyncOutcome; ticketCode?: string };

async function checkIn(tx: Tx, actor: GateActor, item: Extract<SyncItem, { kind: "checkin" }>): Promise<Applied> {
  const walker = await tx.walker.findUnique({
    where: { ticketCode: normaliseTicketCode(item.ticketCode) },
    select: { id: true, eventId: true, status: true, erasedAt: true, ticketCode: true },
  });
  if (!walker || walker.erasedAt) throw new ItemRefused("unknown");
  if (walker.eventId !== actor.eventId) throw new ItemRefused("other_walk");
  if (walker.status === "CANCELLED") throw new ItemRefused("cancelled");
  if (walker.status === "WAITING") throw new ItemRefused("waiting");
  // The server's time is the check-in's; the phone's clock (possibly hours off) is kept beside it.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "CheckIn" (id, "walkerId", "eventId", method, "gatePassId", "clientId", "deviceAt", "checkedInAt")
    VALUES (gen_random_uuid(), ${walker.id}::uuid, ${actor.eventId}::uuid, 'GATE', ${actor.passId}::uuid, ${item.id}::uuid, ${item.at}, now())
    ON CONFLICT ("walkerId") DO NOTHING RETURNING id`;
  if (inserted[0]) {
    await writeAudit(tx, {
      actorId: null,
      gatePassId: actor.passId,
      action: "walker.check-in",
      entityType: "Walker",
      entityId: walker.id,
      after: { method: "GATE", clientId: item.id, deviceAt: item.at.toISOString() },
    });
    return { outcome: "checked_in", ticketCode: walker.ticketCode };
  }
  // Checked in already (another phone offline, the desk, or this ticket shown twice): admitted,
  // counted once, and recorded for the organisers' "Double scans".
  await tx.duplicateScan.create({ data: { eventId: actor.eventId, walkerId: walker.id, gatePassId: actor.passId, clientId: item.id, deviceAt: item.at } });
  await writeAudit(tx, {
    actorId: null,
    gatePassId: actor.passId,
    action: "gate.duplicate-scan",
    entityType: "Walker",
    entityId: walker.id,
    after: { clientId: item.id, deviceAt: item.at.toISOString() },
  });
  return { outcome: "duplicate", ticketCode: walker.ticketCode };
}

async function undo(tx: Tx, actor: GateActor, item: Extract<SyncItem, { kind: "undo" }>): Promise<Applied> {
  // Only this pass's own check-ins (not its walk-ups), locked so two undos cannot both pass the test.
  const [found] = await tx.$queryRaw<{ id: string; walkerId: string; checkedInAt: Date; ticketCode: string; recent: boolean }[]>`
    SELECT c.id, c."walkerId", c."checkedInAt", w."ticketCode", c."checkedInAt" > now() - ${`${UNDO_WINDOW_MS} milliseconds`}::interval AS recent
    FROM "CheckIn" c JOIN "Walker" w ON w.id = c."walkerId"
    WHERE c."clientId" = ${item.checkinId}::uuid AND c."gatePassId" = ${actor.passId}::uuid AND c.method = 'GATE'
    FOR UPDATE OF c`;
  if (!found) throw new ItemRefused("unknown", "undoUnknown");
  if (!found.recent) throw new ItemRefused("too_late");
  await tx.checkIn.delete({ where: { id: found.id } });
  // The list's changes since a cursor follow Walker.updatedAt: the phones learn the walker is out again.
  await tx.walker.update({ where: { id: found.walkerId }, data: { updatedAt: new Date() } });
  await writeAudit(tx, {
    actorId: null,
    gatePassId: actor.passId,
    action: "walker.check-in.undo",
    entityType: "Walker",
    entityId: found.walkerId,
    before: { checkedInAt: found.checkedInAt.toISOString(), clientId: item.checkinId },
    after: { clientId: item.id, deviceAt: item.at.toISOString() },
  });
  return { outcome: "undone", ticketCode: found.ticketCode };
}

async function walkUp(tx: Tx, actor: GateActor, item: Extract<SyncItem, { kind: "walkup" }>): Promise<Applied> {
  // A place beyond the online capacity, up to the places kept for walk-ups: PostgreSQL decides.
  const [event] = await tx.$queryRaw<{ waiverVersion: string; privacyVersion: string | null }[]>`
    UPDATE "Event" SET "confirmedCount" = "confirmedCount" + 1
    WHERE id = ${actor.eventId}::uuid AND "confirmedCount" < capacity + "walkUpPlaces"
    RETURNING "waiverVersion", "privacyVersion"`;
  if (!event) throw new ItemRefused("full");
  const w = item.walker;
  const now = new Date();
  // A group of its own, keyed by the item's id; no email address (none is asked at the gate).
  const group = await tx.registrationGroup.create({
    data: { eventId: actor.eventId, contactEmail: "", submissionKey: `gate-walk-up:${item.id}` },
    select: { id: true },
  });
  const walker = await tx.walker.create({
    data: {
      eventId: actor.eventId,
      groupId: group.id,
      isGroupLeader: true,
      firstName: w.firstName,
      lastName: w.lastName,
      email: "",
      ageBand: w.ageBand,
      tshirtSize: w.tshirtSize ?? null,
      emergencyContactName: w.emergencyContactName,
      emergencyContactPhone: w.emergencyContactPhone,
      waiverVersion: event.waiverVersion,
      waiverAcceptedAt: now,
      privacyVersion: privacyVersionOf(event),
      guardianName: isMinor(w.ageBand) ? (w.guardianName ?? null) : null,
      guardianConsent: isMinor(w.ageBand) && w.guardianConsent === true,
      status: "CONFIRMED",
      ticketCode: newTicketCode(),
      confirmedAt: now,
    },
    select: { id: true, ticketCode: true },
  });
  await tx.$executeRaw`
    INSERT INTO "CheckIn" (id, "walkerId", "eventId", method, "gatePassId", "clientId", "deviceAt", "checkedInAt")
    VALUES (gen_random_uuid(), ${walker.id}::uuid, ${actor.eventId}::uuid, 'WALK_UP', ${actor.passId}::uuid, ${item.id}::uuid, ${item.at}, now())`;
  await writeAudit(tx, {
    actorId: null,
    gatePassId: actor.passId,
    action: "gate.walk-up",
    entityType: "Walker",
    entityId: walker.id,
    after: { method: "WALK_UP", ageBand: w.ageBand, tshirtSize: w.tshirtSize ?? null, clientId: item.id, deviceAt: item.at.toISOString() },
  });
  return { outcome: "walkup_created", ticketCode: walker.ticketCode };
}
