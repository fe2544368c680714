// The transactional outbox: an email is a row written in the same transaction as the change that
// causes it. If the transaction rolls back, there is no email; once it commits, the delivery worker
// is bound to send it. `idempotencyKey` names the cause ("walker-confirmed:<walkerId>"), so the
// same cause never queues a second message.
import type { Prisma } from "../generated/prisma/client";
import type { EmailLanguage, TemplateName, TemplatePayloads } from "../../emails/types";

export const OUTBOX_CHANNEL = "email_outbox";

export interface QueuedEmail<T extends TemplateName = TemplateName> {
  template: T;
  to: string;
  language: EmailLanguage;
  payload: TemplatePayloads[T];
  idempotencyKey: string;
}

/**
 * Queues emails inside `tx`; returns how many were new (a repeated idempotency key is skipped).
 * One statement inserts the rows and, when any is new, notifies the workers (NOTIFY is delivered at
 * commit and dropped on rollback): one round trip instead of two, and no query planning in the client.
 */
export async function enqueueEmails(tx: Prisma.TransactionClient, emails: QueuedEmail[]): Promise<number> {
  if (emails.length === 0) return 0;
  const values = [
    emails.map((e) => e.idempotencyKey),
    emails.map((e) => e.template),
    emails.map((e) => e.to),
    emails.map((e) => e.language),
    emails.map((e) => JSON.stringify(e.payload)),
    OUTBOX_CHANNEL,
  ];
  const rows = await tx.$queryRawUnsafe<{ queued: number }[]>(ENQUEUE_SQL, ...values);
  return rows[0]?.queued ?? 0;
}

const ENQUEUE_SQL = `
  WITH inserted AS (
    INSERT INTO "EmailOutbox" ("id", "idempotencyKey", "template", "toAddress", "language", "payload", "updatedAt")
    SELECT gen_random_uuid(), e."key", e."template", e."address", e."language"::"Language", e."payload"::jsonb, now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS e("key", "template", "address", "language", "payload")
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING 1
  ), counted AS (SELECT count(*)::int AS "queued" FROM inserted)
  SELECT (SELECT "queued" FROM counted) AS "queued",
         (SELECT count(*)::int FROM (SELECT pg_notify($6, '') FROM counted WHERE "queued" > 0) n) AS "notified"`;

export function enqueueEmail<T extends TemplateName>(tx: Prisma.TransactionClient, email: QueuedEmail<T>): Promise<number> {
  return enqueueEmails(tx, [email as QueuedEmail]);
}
