import "server-only";
import { isUuid } from "../ids";
import type { Actor } from "../auth/roles";
import { writeAudit } from "../audit/log";
import { assertOrganiser } from "../auth/organiser";
import { randomUUID } from "node:crypto";
import { templates, isTemplateName } from "../../emails/index";
import type { EmailLanguage, TemplatePayloads } from "../../emails/types";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { enqueueEmails, type QueuedEmail } from "./outbox";

export class EmailNotFound extends Error {
  constructor() {
    super("This email does not exist. Reload the list: it may have been removed.");
    this.name = "EmailNotFound";
  }
}

export class EmailNotResendable extends Error {
  constructor() {
    super("This email held a one-time sign-in link and cannot be sent again. Ask the person to request a new link.");
    this.name = "EmailNotResendable";
  }
}

/**
 * Sends an email again: a new outbox row with the same template, recipient, language and payload
 * and a fresh idempotency key (the original row keeps its history). Works for any status.
 * The actor must be an organiser (checked against the database); the resend is audited.
 */
export async function resendEmail(actor: Actor, id: string): Promise<{ id: string }> {
  if (!isUuid(id)) throw new EmailNotFound();
  return db.$transaction(async (tx) => {
    await assertOrganiser(tx, actor.userId);
    const original = await tx.emailOutbox.findUnique({
      where: { id },
      select: { idempotencyKey: true, template: true, toAddress: true, language: true, payload: true },
    });
    if (!original) throw new EmailNotFound();
    if (isTemplateName(original.template) && templates[original.template].secretPayload) throw new EmailNotResendable();
    // The original key stays recognisable, so organisers can trace a resend to its cause.
    const idempotencyKey = `${original.idempotencyKey.slice(0, 150)}#resend:${randomUUID()}`;
    const email = {
      template: original.template,
      to: original.toAddress,
      language: original.language,
      payload: original.payload,
      idempotencyKey,
    } as unknown as QueuedEmail;
    await enqueueEmails(tx as Prisma.TransactionClient, [email]);
    const row = await tx.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } });
    await writeAudit(tx, { actorId: actor.userId, action: "email.resend", entityType: "EmailOutbox", entityId: id, after: { copy: row.id } });
    return row;
  });
}

/** Queues a test message through the outbox, exactly as any other email (dev mailbox, organisers). */
export async function sendTestMessage(input: { to: string; language: EmailLanguage; note?: string }): Promise<void> {
  const payload: TemplatePayloads["test-message"] = { note: input.note ?? "" };
  await db.$transaction((tx) =>
    enqueueEmails(tx, [
      { template: "test-message", to: input.to, language: input.language, payload, idempotencyKey: `test-message:${randomUUID()}` },
    ]),
  );
}
