import "server-only";
import { Forbidden, type Actor } from "../auth/roles";
import { findCurrentWalk } from "../events/current";
import { isUuid } from "../ids";
import { assertOrganiser } from "../auth/organiser";
import { writeAudit } from "../audit/log";
import { db } from "../db";
import { CSV_BOM, csvRow } from "./csv";
import { walkerConditions, walkerSeqsInOrder, type WalkerFilter } from "./queries";

const header = [
  "ticket_code",
  "first_name",
  "last_name",
  "email",
  "phone",
  "status",
  "age_band",
  "tshirt_size",
  "language",
  "emergency_contact_name",
  "emergency_contact_phone",
  "accessibility_needs",
  "guardian_name",
  "photo_consent",
  "registered_at",
  "checked_in_at",
];

/** Columns only admins export: organisers see emergency contacts on a walker's own page only. */
const ADMIN_ONLY = new Set(["emergency_contact_name", "emergency_contact_phone"]);

/**
 * The walk an export is of: the current walk, or with `walkId` (the admins' purge notice links to
 * the walk about to be purged, which may no longer be the current one) that walk, for admins only
 * when it is not the current walk. Null for a walk that does not exist or whose data is erased.
 */
export async function walkToExport(actor: Actor, walkId: string | undefined): Promise<{ id: string } | null> {
  const role = await assertOrganiser(db, actor.userId);
  const current = await findCurrentWalk(db, { id: true });
  if (walkId === undefined || walkId === current?.id) return current;
  if (!isUuid(walkId)) return null;
  if (role !== "ADMIN") throw new Forbidden();
  return db.event.findFirst({ where: { id: walkId, personalDataErasedAt: null }, select: { id: true } });
}

/**
 * The walkers matching `filter` as CSV, streamed in batches of 1,000 so memory stays flat for any
 * number of rows. UTF-8 with a BOM so Excel reads accents correctly. Each export is in the audit log
 * with who, the filter (whether a name was searched, never the words) and how many rows.
 */
export async function exportWalkersCsv(actor: Actor, eventId: string, filter: WalkerFilter): Promise<ReadableStream<Uint8Array>> {
  const role = await assertOrganiser(db, actor.userId);
  const keep = header.map((column) => role === "ADMIN" || !ADMIN_ONLY.has(column));
  const columns = <T,>(row: T[]) => row.filter((_, i) => keep[i]);
  const encoder = new TextEncoder();
  const where = walkerConditions(eventId, filter);
  const [counted] = await db.$queryRaw<{ rows: number }[]>`SELECT count(*)::int AS "rows" FROM "Walker" w WHERE ${where}`;
  await writeAudit(db, {
    actorId: actor.userId,
    action: "walkers.export",
    entityType: "Event",
    entityId: eventId,
    after: {
      rows: counted?.rows ?? 0,
      filter: { nameSearch: filter.q !== "", status: filter.status ?? null, ageBand: filter.ageBand ?? null, checkedIn: filter.checkedIn ?? null },
      emergencyContacts: role === "ADMIN",
    },
  });
  let cursor: bigint | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(columns(header))));
        return;
      }
      const seqs = await walkerSeqsInOrder(db, where, cursor, 1000);
      const batch = await db.walker.findMany({
        where: { eventId, seq: { in: seqs } },
        orderBy: { seq: "asc" },
        select: {
          seq: true,
          ticketCode: true,
          firstName: true,
          lastName: true,
          email: true,
          phone: true,
          status: true,
          ageBand: true,
          tshirtSize: true,
          language: true,
          emergencyContactName: true,
          emergencyContactPhone: true,
          accessibilityNeeds: true,
          guardianName: true,
          photoConsent: true,
          createdAt: true,
          checkIn: { select: { checkedInAt: true } },
        },
      });
      if (batch.length === 0) {
        controller.close();
        return;
      }
      cursor = batch.at(-1)!.seq;
      controller.enqueue(
        encoder.encode(
          batch
            .map((w) =>
              csvRow(columns([
                w.ticketCode,
                w.firstName,
                w.lastName,
                w.email,
                w.phone,
                w.status,
                w.ageBand,
                w.tshirtSize,
                w.language,
                w.emergencyContactName,
                w.emergencyContactPhone,
                w.accessibilityNeeds,
                w.guardianName,
                w.photoConsent ? "yes" : "no",
                w.createdAt,
                w.checkIn?.checkedInAt ?? null,
              ])),
            )
            .join(""),
        ),
      );
    },
  });
}
