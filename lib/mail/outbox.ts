// The transactional outbox: an email is a row written in the same transaction as the change that
// causes it. If the transaction rolls back, there is no email; once it commits, the delivery worker
// is bound to send it. `idempotencyKey` names the cause ("walker-confirmed:<walkerId>"), so the
// same cause never queues a second message. Every row is written by outboxWrite below: emails built
// in the app (enqueueEmails), rows made in the database (reminders), and the public sign-up's, inside
// its one statement (lib/registrations/sign-up-sql.ts). No "server-only": the sign-up imports it.
import type { EmailLanguage, TemplateName, TemplatePayloads } from "../../emails/types";
import { runIn, sql, statement, type SqlPart, type Transaction } from "../db/sql";

export const OUTBOX_CHANNEL = "email_outbox";

export interface QueuedEmail<T extends TemplateName = TemplateName> {
  template: T;
  to: string;
  language: EmailLanguage;
  payload: TemplatePayloads[T];
  idempotencyKey: string;
}

/**
 * The one way outbox rows are written, as common table expressions after WITH: inserts the rows
 * `rows` selects (columns key, template, address, language, payload: text, text, text, text,
 * jsonb), skips a repeated idempotency key, and, when any row is new, notifies the workers on
 * `channel` (NOTIFY is delivered at commit and dropped on rollback). The statement's SELECT must
 * read "outbox" ("queued": how many rows were new, "notified"), or PostgreSQL skips the notification.
 */
export const outboxWrite = (rows: SqlPart, channel: SqlPart) => sql`outbox_new AS (
    INSERT INTO "EmailOutbox" ("id", "idempotencyKey", "template", "toAddress", "language", "payload", "updatedAt")
    SELECT gen_random_uuid(), r."key", r."template", r."address", r."language"::"Language", r."payload", now()
    FROM (${rows}) AS r("key", "template", "address", "language", "payload")
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING 1
  ), outbox AS (
    SELECT q."queued", (SELECT count(*)::int FROM (SELECT pg_notify(${channel}, '') WHERE q."queued" > 0) n) AS "notified"
    FROM (SELECT count(*)::int AS "queued" FROM outbox_new) q
  )`;

/** The outbox rows of emails built in the app, as one JSON array (key, template, address, language, payload). */
export const emailRows = (emails: SqlPart) =>
  sql`SELECT m."key", m."template", m."address", m."language", m."payload"
      FROM jsonb_to_recordset(${emails}::jsonb) AS m("key" text, "template" text, "address" text, "language" text, "payload" jsonb)`;

/** Emails as emailRows reads them. */
export function emailsJson(emails: readonly { idempotencyKey: string; template: string; to: string; language: string; payload: unknown }[]): string {
  return JSON.stringify(emails.map((e) => ({ key: e.idempotencyKey, template: e.template, address: e.to, language: e.language, payload: e.payload })));
}

const ENQUEUE = statement<{ emails: string; channel: string }, { queued: number }>(
  "funwalk_enqueue_emails",
  (p) => sql`WITH ${outboxWrite(emailRows(p.emails), p.channel)} SELECT "queued", "notified" FROM outbox`,
);

/** Queues emails inside `tx`; returns how many were new (a repeated idempotency key is skipped). */
export async function enqueueEmails(tx: Transaction, emails: QueuedEmail[]): Promise<number> {
  if (emails.length === 0) return 0;
  const [row] = await runIn(tx, ENQUEUE, { emails: emailsJson(emails), channel: OUTBOX_CHANNEL });
  return row?.queued ?? 0;
}

export function enqueueEmail<T extends TemplateName>(tx: Transaction, email: QueuedEmail<T>): Promise<number> {
  return enqueueEmails(tx, [email as QueuedEmail]);
}
