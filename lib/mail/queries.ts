import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { EmailListFilters, type EmailStatusName } from "./schema";

export interface EmailListItem {
  id: string;
  template: string;
  toAddress: string;
  language: "EN" | "ES";
  status: EmailStatusName;
  attempts: number;
  lastError: string | null;
  subject: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
}

export interface EmailList {
  items: EmailListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Rows per status over the whole outbox (for the dashboard's summary). */
  counts: Record<EmailStatusName, number>;
}

const itemSelect = {
  id: true,
  template: true,
  toAddress: true,
  language: true,
  status: true,
  attempts: true,
  lastError: true,
  subject: true,
  createdAt: true,
  nextAttemptAt: true,
  sentAt: true,
} as const;

/**
 * The outbox for organisers, newest first, filtered and paged. The actor's role is checked
 * against the database.
 */
export async function listEmails(actor: Actor, filters: EmailListFilters = {}): Promise<EmailList> {
  await assertOrganiser(db, actor.userId);
  const f = EmailListFilters.parse(filters);
  const where: Prisma.EmailOutboxWhereInput = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.template ? { template: f.template } : {}),
    ...(f.to ? { toAddress: { equals: f.to, mode: "insensitive" } } : {}),
  };
  const [items, total, grouped] = await Promise.all([
    db.emailOutbox.findMany({
      where,
      select: itemSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
    db.emailOutbox.count({ where }),
    db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts: Record<EmailStatusName, number> = { QUEUED: 0, SENDING: 0, SENT: 0, FAILED: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return { items, total, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)), counts };
}

export async function getEmail(id: string): Promise<(EmailListItem & { idempotencyKey: string; messageId: string | null }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.emailOutbox.findUnique({ where: { id }, select: { ...itemSelect, idempotencyKey: true, messageId: true } });
}
