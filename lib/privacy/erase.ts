// The one erasure of personal data, used by the retention purge (./purge.ts) and by a group that
// deletes its own data through its manage link (./self-service.ts). It never deletes a row: it
// blanks the fields that identify a person, so the counts (status, age band, T-shirt size,
// language, check-in) stay what they were, and a place, a booking or a check-in keeps its history.
// No "server-only": the worker process and `npm run privacy:purge` run it.
import { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** The keys of an audit entry's before/after that can hold personal data; erased with the person. */
export const PERSONAL_AUDIT_KEYS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "emergencyContactName",
  "emergencyContactPhone",
  "accessibilityNeeds",
  "guardianName",
  "contactEmail",
  "contactName",
  "names",
  "to",
];

/** The templates whose address is erased as soon as they are sent (the last email to a group that deleted its data). */
export const ERASED_ON_SEND_TEMPLATES = ["data-deleted"];

/** The templates about a booth booking (their keys name the booking). */
export const BOOTH_TEMPLATES = "booth-%";

const NOT_SENT = "Not sent: the personal data was erased";
const REPLY_ERASED = "Not delivered; the server's reply was erased with the personal data";

/**
 * Outbox rows as erased: no address, no body, no subject, no server reply (either can quote a name
 * or an address), a key without the cause's details; unsent ones stop.
 */
const erasedOutbox = (now: Date, table = '"EmailOutbox"') => {
  const t = Prisma.raw(table);
  return Prisma.sql`
  "toAddress" = '', "payload" = '{}'::jsonb, "subject" = NULL, "idempotencyKey" = 'erased:' || ${t}."id"::text,
  "lastError" = CASE WHEN ${t}."status" IN ('QUEUED', 'SENDING') THEN ${NOT_SENT}
                     WHEN ${t}."lastError" IS NULL THEN NULL ELSE ${REPLY_ERASED} END,
  "status" = CASE WHEN ${t}."status" IN ('QUEUED', 'SENDING') THEN 'FAILED'::"EmailStatus" ELSE ${t}."status" END,
  "lockedUntil" = NULL, "updatedAt" = ${now}`;
};

/**
 * The reminders of a walk sent to one address (`email`, an SQL expression), as a condition on the
 * outbox row `row`. A reminder's key names the reminder, not the walk ("reminder:<id>:<address>"),
 * so a reminder belongs to the walk when it was first queued before the walk ended; its resends
 * ("…#resend:<id>", queued at any time) keep the reminder's id and go with it.
 */
export const reminderOfWalk = (row: string, email: Prisma.Sql, endsAt: Prisma.Sql) => Prisma.sql`
  ${Prisma.raw(row)}."template" = 'reminder' AND lower(${Prisma.raw(row)}."toAddress") = lower(${email})
  AND split_part(${Prisma.raw(row)}."idempotencyKey", ':', 2) IN (
    SELECT split_part(r."idempotencyKey", ':', 2) FROM "EmailOutbox" r
    WHERE r."template" = 'reminder' AND lower(r."toAddress") = lower(${email}) AND r."createdAt" <= ${endsAt})`;

/**
 * Erases walkers' personal fields, the reminders of their walk sent to their addresses (and
 * their resends), and the personal details in their audit entries. Walkers already erased are
 * left alone; returns how many walkers and emails were erased now.
 */
export async function eraseWalkers(tx: Tx, walkerIds: string[], now: Date): Promise<{ walkers: number; emails: number }> {
  if (walkerIds.length === 0) return { walkers: 0, emails: 0 };
  const emails = await tx.$executeRaw`
    UPDATE "EmailOutbox" o SET ${erasedOutbox(now, "o")}
    FROM "Walker" w JOIN "Event" e ON e."id" = w."eventId"
    WHERE w."id" = ANY(${walkerIds}::uuid[]) AND w."erasedAt" IS NULL AND w."email" <> ''
      AND ${reminderOfWalk("o", Prisma.sql`w."email"`, Prisma.sql`e."endsAt"`)}`;
  const walkers = await tx.$executeRaw`
    UPDATE "Walker" SET "firstName" = '', "lastName" = '', "email" = '', "phone" = NULL,
      "emergencyContactName" = '', "emergencyContactPhone" = '', "accessibilityNeeds" = NULL, "guardianName" = NULL,
      "activePersonKey" = NULL, "erasedAt" = ${now}, "updatedAt" = ${now}
    WHERE "id" = ANY(${walkerIds}::uuid[]) AND "erasedAt" IS NULL`;
  await tx.$executeRaw`
    UPDATE "AuditLog" SET "before" = "before" - ${PERSONAL_AUDIT_KEYS}::text[], "after" = "after" - ${PERSONAL_AUDIT_KEYS}::text[]
    WHERE "entityType" = 'Walker' AND "entityId" = ANY(${walkerIds}::text[])`;
  return { walkers, emails };
}

/**
 * Erases every email about the group (their keys name it): address, body and key, except the last
 * one telling the group its data is deleted, which loses its address once it is sent.
 */
export async function eraseGroupEmails(tx: Tx, groupId: string, now: Date): Promise<number> {
  return tx.$executeRaw`
    UPDATE "EmailOutbox" SET ${erasedOutbox(now)}
    WHERE split_part("idempotencyKey", ':', 2) = ${groupId} AND "template" <> ALL(${ERASED_ON_SEND_TEMPLATES}::text[])`;
}

/**
 * Once every walker of the group is erased: erases the group's contact address and its emails,
 * and ends every manage link. Returns whether the group was erased now and how many emails were.
 */
export async function eraseGroupIfDone(tx: Tx, groupId: string, now: Date): Promise<{ group: boolean; emails: number }> {
  const group = await tx.$executeRaw`
    UPDATE "RegistrationGroup" SET "contactEmail" = '', "erasedAt" = ${now}, "updatedAt" = ${now},
      "manageTokenVersion" = "manageTokenVersion" + 1
    WHERE "id" = ${groupId}::uuid AND "erasedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Walker" w WHERE w."groupId" = ${groupId}::uuid AND w."erasedAt" IS NULL)`;
  const [state] = await tx.$queryRaw<{ erased: boolean }[]>`
    SELECT "erasedAt" IS NOT NULL AS erased FROM "RegistrationGroup" WHERE "id" = ${groupId}::uuid`;
  if (!state?.erased) return { group: false, emails: 0 };
  const emails = await eraseGroupEmails(tx, groupId, now);
  await tx.$executeRaw`
    UPDATE "AuditLog" SET "before" = "before" - ${PERSONAL_AUDIT_KEYS}::text[], "after" = "after" - ${PERSONAL_AUDIT_KEYS}::text[]
    WHERE "entityType" = 'RegistrationGroup' AND "entityId" = ${groupId}`;
  return { group: group > 0, emails };
}

/**
 * Erases the contact person's name and phone of organisations that booked at this walk and at no
 * walk whose data is still kept, and the addresses and bodies of this walk's booking emails.
 */
export async function eraseBookingContacts(tx: Tx, eventId: string, now: Date): Promise<{ organisations: number; emails: number }> {
  const emails = await tx.$executeRaw`
    UPDATE "EmailOutbox" SET ${erasedOutbox(now)}
    WHERE "template" LIKE ${BOOTH_TEMPLATES} AND split_part("idempotencyKey", ':', 2) IN (
      SELECT b."id"::text FROM "BoothBooking" b JOIN "Booth" bo ON bo."id" = b."boothId" WHERE bo."eventId" = ${eventId}::uuid)`;
  const organisations = await tx.$executeRaw`
    UPDATE "Organisation" o SET "contactName" = '', "phone" = NULL, "updatedAt" = ${now}
    WHERE (o."contactName" <> '' OR o."phone" IS NOT NULL)
      AND EXISTS (SELECT 1 FROM "BoothBooking" b JOIN "Booth" bo ON bo."id" = b."boothId"
                  WHERE b."organisationId" = o."id" AND bo."eventId" = ${eventId}::uuid)
      AND NOT EXISTS (SELECT 1 FROM "BoothBooking" b JOIN "Booth" bo ON bo."id" = b."boothId" JOIN "Event" e ON e."id" = bo."eventId"
                      WHERE b."organisationId" = o."id" AND e."id" <> ${eventId}::uuid AND e."personalDataErasedAt" IS NULL)`;
  return { organisations, emails };
}

/**
 * The last email to groups of the walk that deleted their own data ("data-deleted"), which a
 * self-service deletion keeps until it is sent: at the purge it is erased whether sent or not
 * (an unsent one stops), so no address of the walk outlives its retention period.
 */
export async function eraseLastEmails(tx: Tx, eventId: string, now: Date): Promise<number> {
  return tx.$executeRaw`
    UPDATE "EmailOutbox" SET ${erasedOutbox(now)}
    WHERE "template" = ANY(${ERASED_ON_SEND_TEMPLATES}::text[])
      AND split_part("idempotencyKey", ':', 2) IN (SELECT "id"::text FROM "RegistrationGroup" WHERE "eventId" = ${eventId}::uuid)`;
}

/** Sign-in tokens that can no longer be used, and the sign-in emails that carried them (older than a day). */
export async function eraseSignInTokens(tx: Tx, now: Date): Promise<number> {
  const tokens = await tx.$executeRaw`DELETE FROM "VerificationToken" WHERE "expires" < ${now}`;
  const emails = await tx.$executeRaw`
    UPDATE "EmailOutbox" SET ${erasedOutbox(now)}
    WHERE "template" = 'magic-link' AND "toAddress" <> '' AND "createdAt" < ${now}::timestamptz - interval '1 day'`;
  return tokens + emails;
}
