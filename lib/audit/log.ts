// No "server-only": the retention purge writes its entry from the worker process.
import type { Prisma } from "../generated/prisma/client";

export interface AuditEntry {
  actorId: string | null;
  /** The gate pass that acted (lib/gate/), when no User did. */
  gatePassId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/** Records an organiser's (or a gate pass's) action in the same transaction as the change it describes. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      gatePassId: entry.gatePassId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
