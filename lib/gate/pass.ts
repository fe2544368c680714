import "server-only";
// Who acts at the gate: a gate pass, never a User. Its cookie names it (signed, ./token.ts); the
// database says on every request whether it still may act: not revoked, within its window. A pass
// is the role GATE for its own walk only; it is no next-auth session, so the dashboard (which asks
// next-auth and the User table) never sees it as anyone.
import { writeAudit } from "../audit/log";
import { db } from "../db";
import { env } from "../env";
import { hashPassToken, isPassToken, verifyPassCookie } from "./token";

/** A gate pass allowed to act now. */
export interface GateActor {
  kind: "gate";
  passId: string;
  eventId: string;
  label: string;
  opensAt: Date;
  closesAt: Date;
  timezone: string;
}

export type GateRefusalReason = "missing" | "forged" | "revoked" | "closed" | "notOpen";

/** The pass may not act: why, and its window when it has one (to say when it opens or closed). */
export class GateRefused extends Error {
  override name = "GateRefused";
  constructor(
    public readonly reason: GateRefusalReason,
    public readonly pass?: { opensAt: Date; closesAt: Date; timezone: string },
  ) {
    super(`gate pass refused: ${reason}`);
  }
}

export function gateSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is missing: gate passes cannot be signed. npm start sets one; in production set AUTH_SECRET.");
  return secret;
}

interface PassRow {
  id: string;
  eventId: string;
  label: string;
  opensAt: Date;
  closesAt: Date;
  revokedAt: Date | null;
  timezone: string;
}

function refusalFor(pass: PassRow, now: Date): GateRefused | null {
  const window = { opensAt: pass.opensAt, closesAt: pass.closesAt, timezone: pass.timezone };
  if (pass.revokedAt) return new GateRefused("revoked", window);
  if (now < pass.opensAt) return new GateRefused("notOpen", window);
  if (now >= pass.closesAt) return new GateRefused("closed", window);
  return null;
}

const actorOf = (pass: PassRow): GateActor => ({
  kind: "gate",
  passId: pass.id,
  eventId: pass.eventId,
  label: pass.label,
  opensAt: pass.opensAt,
  closesAt: pass.closesAt,
  timezone: pass.timezone,
});

async function readPass(where: { id: string } | { tokenHash: string }): Promise<PassRow | null> {
  const pass = await db.gatePass.findUnique({
    where,
    select: { id: true, eventId: true, label: true, opensAt: true, closesAt: true, revokedAt: true, event: { select: { timezone: true } } },
  });
  if (!pass) return null;
  const { event, ...rest } = pass;
  return { ...rest, timezone: event.timezone };
}

/**
 * The pass a cookie value names, if it may act now; its last contact becomes now. Throws GateRefused
 * for a missing or forged cookie, or a pass revoked, not yet open or closed.
 */
export async function authenticateGate(cookie: string | undefined, now = new Date()): Promise<GateActor> {
  if (!cookie) throw new GateRefused("missing");
  const passId = verifyPassCookie(gateSecret(), cookie);
  if (!passId) throw new GateRefused("forged");
  // The check and the touch in one statement: a pass revoked a moment ago is refused here.
  const touched = await db.gatePass.updateMany({
    where: { id: passId, revokedAt: null, opensAt: { lte: now }, closesAt: { gt: now } },
    data: { lastSeenAt: now },
  });
  const pass = await readPass({ id: passId });
  if (!pass) throw new GateRefused("forged");
  if (touched.count === 0) throw refusalFor(pass, now) ?? new GateRefused("revoked");
  return actorOf(pass);
}

/**
 * Opening a pass's link: the pass its token belongs to, if it may act now (recorded in the audit
 * log); throws GateRefused otherwise ("forged" for a token no pass has).
 */
export async function openGatePass(token: string, now = new Date()): Promise<GateActor> {
  if (!isPassToken(token)) throw new GateRefused("forged");
  const pass = await readPass({ tokenHash: hashPassToken(token) });
  if (!pass) throw new GateRefused("forged");
  const refused = refusalFor(pass, now);
  if (refused) throw refused;
  await db.$transaction(async (tx) => {
    await tx.gatePass.update({ where: { id: pass.id }, data: { lastSeenAt: now } });
    await writeAudit(tx, { actorId: null, gatePassId: pass.id, action: "gate.pass.open", entityType: "GatePass", entityId: pass.id });
  });
  return actorOf(pass);
}
