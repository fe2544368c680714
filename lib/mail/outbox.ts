// The transactional outbox: an email is a row written in the same transaction as the change that
// causes it. If the transaction rolls back, there is no email; once it commits, the delivery worker
// is bound to send it. `idempotencyKey` names the cause ("walker-confirmed:<walkerId>"), so the
// same cause never queues a second message. Every row is written by outboxInsert below (emails built
// in the app: enqueueEmails; rows made in the database: reminders), except the public sign-up's,
// which its one statement writes itself (lib/registrations/sign-up-sql.ts).
import { Prisma } from "../generated/prisma/client";
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
 * The one statement that writes outbox rows: inserts the rows `rows` selects (columns key,
 * template, address, language, payload: text, text, text, text, jsonb), skips a repeated
 * idempotency key, and, when any row is new, notifies the workers (NOTIFY is delivered at commit
 * and dropped on rollback). Answers how many rows were new.
 */
export function outboxInsert(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH inserted AS (
      INSERT INTO "EmailOutbox" ("id", "idempotencyKey", "template", "toAddress", "language", "payload", "updatedAt")
      SELECT gen_random_uuid(), r."key", r."template", r."address", r."language"::"Language", r."payload", now()
      FROM (${rows}) AS r("key", "template", "address", "language", "payload")
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING 1
    ), counted AS (SELECT count(*)::int AS "queued" FROM inserted)
    SELECT (SELECT "queued" FROM counted) AS "queued",
           (SELECT count(*)::int FROM (SELECT pg_notify(${OUTBOX_CHANNEL}, '') FROM counted WHERE "queued" > 0) n) AS "notified"`;
}

/** Runs an `outboxInsert` in `tx`; how many rows were new. */
export async function queueOutboxRows(tx: Prisma.TransactionClient, rows: Prisma.Sql): Promise<number> {
  const result = await tx.$queryRaw<{ queued: number }[]>(outboxInsert(rows));
  return result[0]?.queued ?? 0;
}

/** Queues emails inside `tx`; returns how many were new (a repeated idempotency key is skipped). */
export async function enqueueEmails(tx: Prisma.TransactionClient, emails: QueuedEmail[]): Promise<number> {
  if (emails.length === 0) return 0;
  return queueOutboxRows(
    tx,
    Prisma.sql`SELECT e."key", e."template", e."address", e."language", e."payload"::jsonb
      FROM unnest(${emails.map((e) => e.idempotencyKey)}::text[], ${emails.map((e) => e.template)}::text[], ${emails.map((e) => e.to)}::text[],
                  ${emails.map((e) => e.language)}::text[], ${emails.map((e) => JSON.stringify(e.payload))}::text[])
        AS e("key", "template", "address", "language", "payload")`,
  );
}

export function enqueueEmail<T extends TemplateName>(tx: Prisma.TransactionClient, email: QueuedEmail<T>): Promise<number> {
  return enqueueEmails(tx, [email as QueuedEmail]);
}
