// The statements one sign-up sends to PostgreSQL (lib/rate-limit, lib/registrations/queries
// getRegistrationEvent, lib/registrations/mutations registerWalkers and lib/mail/outbox), written
// out with plain `pg`: the database's ceiling for the sign-up, with no Node framework in the way.
// Keep in step with those files when they change.
import { randomBytes } from "node:crypto";
import type pg from "pg";

export interface SignUpSqlContext {
  eventId: string;
  waiverVersion: string;
}

let n = 0;

export async function signUpSql(pool: pg.Pool, context: SignUpSqlContext): Promise<void> {
  const id = `${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;
  const email = `db-${id}@example.org`;
  const now = new Date();
  // 1. rate limit (its own statement, outside the transaction)
  await pool.query(
    `INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES ($1, 1, now() + make_interval(secs => $2))
     ON CONFLICT ("key") DO UPDATE SET
       "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
       "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
     RETURNING "count", "resetAt"`,
    ["register:db-ceiling", 600],
  );
  // 2. the walk the form is for
  await pool.query(
    `SELECT e."id", e."nameEn", e."nameEs", e."waiverVersion", e."capacity", e."confirmedCount", e."registrationOpensAt",
            e."registrationClosesAt", e."endsAt", e."timezone",
            (SELECT count(*) FROM "Walker" w WHERE w."eventId" = e."id" AND w."status" = 'WAITING') AS "waiting"
     FROM "Event" e WHERE e."endsAt" > $1 ORDER BY e."startsAt" ASC LIMIT 1`,
    [now],
  );
  // 3. the registration transaction
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const group = await client.query<{ groupId: string }>(
      `WITH g AS (
         INSERT INTO "RegistrationGroup" ("id", "eventId", "contactEmail", "language", "submissionKey", "updatedAt")
         SELECT gen_random_uuid(), e."id", $2, 'EN'::"Language", $3, now() FROM "Event" e WHERE e."id" = $1::uuid
         ON CONFLICT ("eventId", "submissionKey") DO NOTHING RETURNING "id")
       SELECT e."id", e."nameEn", e."nameEs", e."venueAddress", e."mapUrl", e."timezone", e."startsAt", e."endsAt",
              e."capacity", e."confirmedCount", e."registrationOpensAt", e."registrationClosesAt", e."waiverVersion",
              (SELECT "id" FROM g) AS "groupId"
       FROM "Event" e WHERE e."id" = $1::uuid`,
      [context.eventId, email, `dbceiling${id}`],
    );
    const groupId = group.rows[0]!.groupId;
    const ticket = randomBytes(8).toString("hex").toUpperCase().slice(0, 10);
    await client.query(
      `INSERT INTO "Walker" ("id", "eventId", "groupId", "isGroupLeader", "firstName", "lastName", "email", "phone", "ageBand",
         "tshirtSize", "emergencyContactName", "emergencyContactPhone", "accessibilityNeeds", "language", "photoConsent",
         "waiverVersion", "waiverAcceptedAt", "guardianName", "guardianConsent", "status", "activePersonKey", "ticketCode",
         "confirmedAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, w."leader", w."firstName", w."lastName", w."email", NULL, 'AGE_35_54',
         'M', 'Someone Else', '+18686201234', NULL, 'EN', false, $3, $4, NULL, false, 'CONFIRMED', w."personKey", w."ticketCode", $4, $4
       FROM unnest($5::boolean[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         WITH ORDINALITY AS w("leader", "firstName", "lastName", "email", "personKey", "ticketCode", "n")
       ORDER BY w."n"
       RETURNING "id", "seq", "email", "firstName", "lastName", "ticketCode"`,
      [context.eventId, groupId, context.waiverVersion, now, [true], ["Bench"], [`Walker ${id}`], [email], [`${context.eventId}|${email}|bench walker ${id}`], [ticket]],
    );
    await client.query(
      `WITH inserted AS (
         INSERT INTO "EmailOutbox" ("id", "idempotencyKey", "template", "toAddress", "language", "payload", "updatedAt")
         SELECT gen_random_uuid(), e."key", e."template", e."address", e."language"::"Language", e."payload"::jsonb, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS e("key", "template", "address", "language", "payload")
         ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING 1),
       counted AS (SELECT count(*)::int AS "queued" FROM inserted)
       SELECT (SELECT "queued" FROM counted) AS "queued",
              (SELECT count(*)::int FROM (SELECT pg_notify('email_outbox', '') FROM counted WHERE "queued" > 0) n) AS "notified"`,
      [[`registration-confirmed:${groupId}:contact`], ["registration-confirmed"], [email], ["EN"],
        [JSON.stringify({ event: { name: "Fun Walk" }, tickets: [{ ticketCode: ticket, status: "CONFIRMED" }], managePath: `/manage/${groupId}`, waitingPosition: null })]],
    );
    // The places, last: the event row is locked from here to COMMIT.
    await client.query(
      `WITH taken AS (
         UPDATE "Event" SET "confirmedCount" = "confirmedCount" + $2
         WHERE "id" = $1::uuid AND "confirmedCount" + $2 <= "capacity"
           AND "registrationOpensAt" <= $3 AND "registrationClosesAt" > $3
           AND NOT EXISTS (SELECT 1 FROM "Walker" w WHERE w."eventId" = $1::uuid AND w."status" = 'WAITING')
         RETURNING "id")
       SELECT EXISTS (SELECT 1 FROM taken) AS "took", e."capacity", e."confirmedCount" FROM "Event" e WHERE e."id" = $1::uuid`,
      [context.eventId, 1, now],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
