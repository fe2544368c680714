import "server-only";
import type { CheckInMethod } from "../generated/prisma/client";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { writeAudit } from "../audit/log";

export class TicketNotFound extends Error {
  override name = "TicketNotFound";
}
export class WalkerNotConfirmed extends Error {
  override name = "WalkerNotConfirmed";
  constructor(public readonly status: "WAITING" | "CANCELLED") {
    super(`walker is ${status.toLowerCase()}`);
  }
}

export interface CheckInResult {
  /** false when the walker had already been checked in: nothing was counted twice. */
  firstTime: boolean;
  checkedInAt: Date;
  walker: {
    id: string;
    firstName: string;
    lastName: string;
    ageBand: string;
    tshirtSize: string | null;
    guardianName: string | null;
    ticketCode: string;
  };
}

/** Normalises what a scanner or a person typed: case, spaces and dashes do not matter. */
export function normaliseTicketCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/**
 * Checks a walker in by ticket code or id. Idempotent under concurrent scans: the unique
 * CheckIn.walkerId lets exactly one INSERT win; every other scan reads the winner's time.
 */
export async function checkInWalker(input: {
  eventId: string;
  ticketCode?: string;
  walkerId?: string;
  method: CheckInMethod;
  actor: Actor;
}): Promise<CheckInResult> {
  return db.$transaction(async (tx) => {
    await assertOrganiser(tx, input.actor.userId);
    const walker = await tx.walker.findFirst({
      where: {
        eventId: input.eventId,
        ...(input.walkerId ? { id: input.walkerId } : { ticketCode: normaliseTicketCode(input.ticketCode ?? "") }),
      },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        ageBand: true,
        tshirtSize: true,
        guardianName: true,
        ticketCode: true,
        status: true,
      },
    });
    if (!walker) throw new TicketNotFound("no such ticket");
    if (walker.status !== "CONFIRMED") throw new WalkerNotConfirmed(walker.status);

    const inserted = await tx.$queryRaw<{ checkedInAt: Date }[]>`
      INSERT INTO "CheckIn" (id, "walkerId", "eventId", method, "checkedInById", "checkedInAt")
      VALUES (gen_random_uuid(), ${walker.id}::uuid, ${input.eventId}::uuid, ${input.method}::"CheckInMethod", ${input.actor.userId}, now())
      ON CONFLICT ("walkerId") DO NOTHING
      RETURNING "checkedInAt"`;
    const { status: _status, ...shown } = walker;
    void _status;
    if (inserted[0]) {
      await writeAudit(tx, {
        actorId: input.actor.userId,
        action: "walker.check-in",
        entityType: "Walker",
        entityId: walker.id,
        after: { method: input.method },
      });
      return { firstTime: true, checkedInAt: inserted[0].checkedInAt, walker: shown };
    }
    const existing = await tx.checkIn.findUniqueOrThrow({ where: { walkerId: walker.id }, select: { checkedInAt: true } });
    return { firstTime: false, checkedInAt: existing.checkedInAt, walker: shown };
  });
}
