import "server-only";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";

export const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  entityType: z.string().trim().max(50).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  before: z.iso.datetime().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Newest first; `before` (the createdAt of the last row shown) pages backwards in time. */
export async function listAuditEntries(actor: Actor, filter: AuditFilter, pageSize = 50) {
  await assertOrganiser(db, actor.userId);
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.action) where.action = { startsWith: filter.action };
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.actor) where.actor = { email: { contains: filter.actor, mode: "insensitive" } };
  if (filter.before) where.createdAt = { lt: new Date(filter.before) };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { email: true, name: true } },
      gatePass: { select: { label: true } },
    },
  });
  const hasMore = rows.length > pageSize;
  const entries = hasMore ? rows.slice(0, pageSize) : rows;
  return { entries, nextBefore: hasMore ? entries.at(-1)!.createdAt.toISOString() : null };
}
