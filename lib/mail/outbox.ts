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

/** Queues emails inside `tx`; returns how many were new (a repeated idempotency key is skipped). */
export async function enqueueEmails(tx: Prisma.TransactionClient, emails: QueuedEmail[]): Promise<number> {
  if (emails.length === 0) return 0;
  const { count } = await tx.emailOutbox.createMany({
    data: emails.map((email) => ({
      template: email.template,
      toAddress: email.to,
      language: email.language,
      payload: email.payload as Prisma.InputJsonValue,
      idempotencyKey: email.idempotencyKey,
    })),
    skipDuplicates: true,
  });
  // NOTIFY is delivered at commit (and dropped on rollback), waking idle workers at once.
  if (count > 0) await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return count;
}

export function enqueueEmail<T extends TemplateName>(tx: Prisma.TransactionClient, email: QueuedEmail<T>): Promise<number> {
  return enqueueEmails(tx, [email as QueuedEmail]);
}
