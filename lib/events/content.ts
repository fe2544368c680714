import "server-only";
// An edition's content, edited in English and Spanish side by side (dashboard/editions/[id]/content):
// the form's schema, the texts as the form opens them, and the save — under the edition's content
// version (two organisers editing at once never overwrite each other), refused for a published walk
// with a text missing in one language, audited with the fields it changed.
import { z } from "zod";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { publicPagesChanged } from "../public-pages-changed";
import { BILINGUAL_FIELDS, CONTENT_LIMITS, contentKey, missingTranslations, MULTILINE_FIELDS, type ContentKey, type MissingTranslation } from "./content-rules";
import { claimContentVersion, EditionNotFound, isUuid } from "./edition";

// Control characters (NUL and the like) are never part of a text; PostgreSQL refuses NUL. Line breaks are kept.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Plain text: trimmed, line breaks as "\n" (a single-line text's become spaces), at most `max` characters. */
const plainText = (max: number, multiline: boolean) =>
  z.preprocess(
    (v) => {
      const text = (typeof v === "string" ? v : "").replace(/\r\n?/g, "\n").trim();
      return multiline ? text : text.replace(/\s*\n\s*/g, " ");
    },
    z.string().max(max, "tooLong").refine((v) => !CONTROL_CHARACTERS.test(v), "invalidCharacters"),
  );

const texts = Object.fromEntries(
  BILINGUAL_FIELDS.flatMap((field) => {
    const schema = plainText(CONTENT_LIMITS[field], MULTILINE_FIELDS.includes(field));
    return [
      [contentKey(field, "en"), schema],
      [contentKey(field, "es"), schema],
    ];
  }),
) as Record<ContentKey, ReturnType<typeof plainText>>;

export const contentSchema = z.object({
  ...texts,
  // The map: a link, https only (empty: no map link on the walk's page).
  mapUrl: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : ""),
    z.union([
      z.literal(""),
      z
        .string()
        .max(1000, "mapUrlInvalid")
        .refine((v) => URL.canParse(v) && /^https:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(v) && !/\s/.test(v), "mapUrlInvalid"),
    ]),
  ),
  // Optional: where walkers write (the privacy notice shows it); also in the walk's settings.
  contactEmail: z
    .preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.union([z.literal(""), z.email("contactInvalid").max(254, "contactInvalid")]))
    .transform((v) => (v === "" ? null : v.toLowerCase())),
  // The edition's content version the form was opened at (a hidden field).
  version: z.coerce.number({ error: "versionInvalid" }).int("versionInvalid").min(1, "versionInvalid").max(2_147_483_647, "versionInvalid"),
});
export type ContentInput = z.input<typeof contentSchema>;
type ContentData = Omit<z.output<typeof contentSchema>, "version">;
type ContentColumn = keyof ContentData;

const CONTENT_COLUMNS = [...BILINGUAL_FIELDS.flatMap((f) => [contentKey(f, "en"), contentKey(f, "es")]), "mapUrl", "contactEmail"] as ContentColumn[];
const contentSelect = Object.fromEntries(CONTENT_COLUMNS.map((column) => [column, true])) as Record<ContentColumn, true>;

/** A published walk cannot lose a text in one language: each missing one, by field and language. */
export class ContentIncomplete extends Error {
  override name = "ContentIncomplete";
  constructor(public readonly missing: MissingTranslation[]) {
    super("texts missing in one language");
  }
}

/** The edition's content as the form opens it, with the version it is at and its status. */
export async function getContent(actor: Actor, editionId: string) {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(editionId)) throw new EditionNotFound();
  const edition = await db.event.findUnique({ where: { id: editionId }, select: { ...contentSelect, status: true, contentVersion: true } });
  if (!edition) throw new EditionNotFound();
  return edition;
}

/**
 * Saves the content in one transaction: the version check (EditionChanged when someone saved since
 * the form was opened), the completeness rule for a published edition (ContentIncomplete), the
 * update, and an audit entry with the changed fields alone. A published edition's public pages are
 * re-rendered at once. Returns the new content version.
 */
export async function saveContent(actor: Actor, editionId: string, input: ContentInput) {
  const { version, ...content } = contentSchema.parse(input);
  const saved = await db.$transaction(
    async (tx) => {
      await assertOrganiser(tx, actor.userId);
      const newVersion = await claimContentVersion(tx, editionId, version);
      const before = await tx.event.findUniqueOrThrow({ where: { id: editionId }, select: { ...contentSelect, status: true } });
      if (before.status === "PUBLISHED") {
        const missing = missingTranslations(content);
        if (missing.length > 0) throw new ContentIncomplete(missing);
      }
      const changed = CONTENT_COLUMNS.filter((column) => before[column] !== content[column]);
      if (changed.length > 0) {
        await tx.event.update({ where: { id: editionId }, data: content });
        await writeAudit(tx, {
          actorId: actor.userId,
          action: "event.content",
          entityType: "Event",
          entityId: editionId,
          before: Object.fromEntries(changed.map((column) => [column, before[column]])),
          after: Object.fromEntries(changed.map((column) => [column, content[column]])),
        });
      }
      return { version: newVersion, status: before.status, changed };
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
  if (saved.status === "PUBLISHED" && saved.changed.length > 0) await publicPagesChanged();
  return saved;
}
