import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { runIn, sql, statement } from "../db/sql";
import { OUTBOX_CHANNEL, outboxWrite } from "./outbox";

export const reminderSchema = z.object({
  subjectEn: z.string().trim().min(3, "subjectRequired").max(150, "subjectTooLong"),
  bodyEn: z.string().trim().min(10, "bodyRequired").max(5000, "bodyTooLong"),
  subjectEs: z.string().trim().min(3, "subjectRequired").max(150, "subjectTooLong"),
  bodyEs: z.string().trim().min(10, "bodyRequired").max(5000, "bodyTooLong"),
});
export type ReminderInput = z.infer<typeof reminderSchema>;

/** The reminder's outbox rows, made in the database: once per confirmed address, in its walker's language. */
const QUEUE_REMINDER = statement<ReminderInput & { reminderId: string; eventId: string; channel: string }, { queued: number }>(
  "funwalk_queue_reminder",
  (p) => sql`WITH ${outboxWrite(
    sql`SELECT 'reminder:' || ${p.reminderId}::text || ':' || lower(w.email), 'reminder', w.email, w.language::text,
             CASE WHEN w.language = 'ES'
                  THEN jsonb_build_object('subject', ${p.subjectEs}::text, 'body', ${p.bodyEs}::text)
                  ELSE jsonb_build_object('subject', ${p.subjectEn}::text, 'body', ${p.bodyEn}::text) END
        FROM (SELECT DISTINCT ON (lower(email)) email, language FROM "Walker"
               -- Walk-ups registered at the gate gave no address.
               WHERE "eventId" = ${p.eventId}::uuid AND status = 'CONFIRMED' AND email <> ''
               ORDER BY lower(email), seq) w`,
    p.channel,
  )} SELECT "queued", "notified" FROM outbox`,
);

/**
 * Queues the reminder for every confirmed walker's address, once per address, in the language the
 * walker chose — one INSERT … SELECT in one transaction, however many walkers there are.
 */
export async function queueReminder(actor: Actor, eventId: string, input: ReminderInput): Promise<{ queued: number }> {
  const data = reminderSchema.parse(input);
  const reminderId = randomUUID();
  return db.$transaction(async (tx) => {
    await assertOrganiser(tx, actor.userId);
    // The rows are made in the database (the texts are sent once, not once per walker).
    const [row] = await runIn(tx, QUEUE_REMINDER, { ...data, reminderId, eventId, channel: OUTBOX_CHANNEL });
    const queued = row?.queued ?? 0;
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "email.reminder",
      entityType: "Event",
      entityId: eventId,
      after: { subjectEn: data.subjectEn, subjectEs: data.subjectEs, recipients: queued },
    });
    return { queued };
  });
}
