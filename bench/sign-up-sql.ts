// The statements one sign-up sends to PostgreSQL (lib/rate-limit, lib/registrations/queries
// getRegistrationEvent, lib/registrations/mutations registerWalkers and lib/mail/outbox), written
// out with plain `pg`: the database's ceiling for the sign-up, with no Node framework in the way.
// Keep in step with those files when they change.
import { randomBytes, randomUUID } from "node:crypto";
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
    const group = await client.query<{ id: string }>(
      `INSERT INTO "RegistrationGroup" ("id", "eventId", "contactEmail", "language", "submissionKey", "updatedAt")
       VALUES (gen_random_uuid(), $1::uuid, $2, 'EN'::"Language", $3, now())
       ON CONFLICT ("eventId", "submissionKey") DO NOTHING RETURNING "id"`,
      [context.eventId, email, `dbceiling${id}`],
    );
    const groupId = group.rows[0]!.id;
    await client.query(
      `WITH taken AS (
         UPDATE "Event" SET "confirmedCount" = "confirmedCount" + $2
         WHERE "id" = $1::uuid AND "confirmedCount" + $2 <= "capacity"
           AND "registrationOpensAt" <= $3 AND "registrationClosesAt" > $3
           AND NOT EXISTS (SELECT 1 FROM "Walker" w WHERE w."eventId" = $1::uuid AND w."status" = 'WAITING')
         RETURNING "id")
       SELECT e."id", e."nameEn", e."nameEs", e."venueAddress", e."mapUrl", e."timezone", e."startsAt", e."endsAt",
              e."capacity", e."confirmedCount", e."registrationOpensAt", e."registrationClosesAt", e."waiverVersion",
              EXISTS (SELECT 1 FROM taken) AS "took"
       FROM "Event" e WHERE e."id" = $1::uuid`,
      [context.eventId, 1, now],
    );
    const ticket = randomBytes(8).toString("hex").toUpperCase().slice(0, 10);
    await client.query(
      `INSERT INTO "Walker" ("id", "eventId", "groupId", "isGroupLeader", "firstName", "lastName", "email", "phone", "ageBand",
         "tshirtSize", "emergencyContactName", "emergencyContactPhone", "accessibilityNeeds", "language", "photoConsent",
         "waiverVersion", "waiverAcceptedAt", "guardianName", "guardianConsent", "status", "activePersonKey", "ticketCode",
         "confirmedAt", "updatedAt")
       VALUES ($1, $2, $3, true, 'Bench', $4, $5, NULL, 'AGE_35_54', 'M', 'Someone Else', '+18686201234', NULL, 'EN', false,
         $6, $7, NULL, false, 'CONFIRMED', $8, $9, $7, $7)
       RETURNING "id", "seq", "email", "firstName", "lastName", "ticketCode"`,
      [randomUUID(), context.eventId, groupId, `Walker ${id}`, email, context.waiverVersion, now, `${context.eventId}|${email}|bench walker ${id}`, ticket],
    );
    const inserted = await client.query(
      `INSERT INTO "EmailOutbox" ("id", "idempotencyKey", "template", "toAddress", "language", "payload", "updatedAt")
       VALUES ($1, $2, 'registration-confirmed', $3, 'EN', $4, now()) ON CONFLICT DO NOTHING`,
      [randomUUID(), `registration-confirmed:${groupId}:contact`, email, JSON.stringify({ event: { name: "Fun Walk" }, tickets: [{ ticketCode: ticket }], managePath: `/manage/${groupId}` })],
    );
    if (inserted.rowCount) await client.query(`SELECT pg_notify('email_outbox', '')`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
