import "server-only";
// A walk's waiver and privacy notice, versioned. Each save writes a new LegalText row (never an update)
// with the next version label, and moves the walk's Event.waiverVersion / Event.privacyVersion to it in
// the same transaction, so walkers keep the label of the text they accepted and every version stays
// readable. While a walk has no saved text of a kind, its text is the built-in one: the waiver of the
// messages (Register.waiverText), the privacy notice of app/(public)/privacy/page.tsx.
//
// The sign-up page reads the current waiver in its own walk statement (lib/registrations/
// registration-event.ts: it cannot import this module), and every privacy version asked for goes
// through privacyVersionOf (lib/privacy/notice.ts).
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import { writeAudit } from "../audit/log";
import { assertOrganiser } from "../auth/organiser";
import type { Actor } from "../auth/roles";
import { db } from "../db";
import { isUniqueViolation } from "../db/errors";
import type { LegalTextKind } from "../generated/prisma/client";
import { builtInPrivacyText } from "../privacy/notice-text";
import { PRIVACY_NOTICE_VERSION, privacyVersionOf } from "../privacy/notice";
import { EditionChanged, EditionNotFound, isUuid } from "./edition";

export type LegalKind = LegalTextKind;
export const LEGAL_KINDS = ["WAIVER", "PRIVACY"] as const satisfies readonly LegalKind[];

/** The longest text of each kind, per language, in characters (the waiver is on the sign-up page). */
export const LEGAL_TEXT_MAX: Record<LegalKind, number> = { WAIVER: 5_000, PRIVACY: 15_000 };

/** Plain text: line breaks and tabs kept (a browser sends CRLF), no other control character. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const body = (language: "En" | "Es") =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : ""),
    z
      .string()
      .min(1, `body${language}Required`)
      .refine((v) => !CONTROL.test(v), `body${language}Control`),
  );

/** The form: which text, the version it was opened at, and both languages (each required). */
export const legalTextSchema = z
  .object({
    kind: z.enum(LEGAL_KINDS, "kindInvalid"),
    openedAt: z.string("changed").min(1, "changed").max(40, "changed"),
    bodyEn: body("En"),
    bodyEs: body("Es"),
  })
  .superRefine((v, ctx) => {
    const max = LEGAL_TEXT_MAX[v.kind];
    if (v.bodyEn.length > max) ctx.addIssue({ code: "custom", path: ["bodyEn"], message: "bodyEnTooLong" });
    if (v.bodyEs.length > max) ctx.addIssue({ code: "custom", path: ["bodyEs"], message: "bodyEsTooLong" });
  });
export type LegalTextInput = z.input<typeof legalTextSchema>;

/** No saved text with this id in this edition (a forged or stale link): 404. */
export class LegalTextNotFound extends Error {
  override name = "LegalTextNotFound";
}

const waiverTranslators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "Register" }),
  es: createTranslator({ locale: "es", messages: es, namespace: "Register" }),
};

/** The built-in waiver (Register.waiverText), in `locale`. */
export function builtInWaiverText(locale: "en" | "es"): string {
  return waiverTranslators[locale]("waiverText");
}

/** The year a version label starts with: the walk's own, in its time zone. */
function editionYear(walk: { startsAt: Date; timezone: string }): string {
  return new Intl.DateTimeFormat("en", { year: "numeric", timeZone: walk.timezone }).format(walk.startsAt);
}

/** `${year}-${n}`, n one more than any label of that year already used (saved or built-in). */
export function nextVersionLabel(year: string, used: readonly string[]): string {
  const pattern = new RegExp(`^${year}-(\\d+)$`);
  const highest = Math.max(0, ...used.map((label) => Number(pattern.exec(label)?.[1] ?? 0)));
  return `${year}-${highest + 1}`;
}

const editionFacts = {
  id: true,
  startsAt: true,
  endsAt: true,
  timezone: true,
  hostsEn: true,
  hostsEs: true,
  contactEmail: true,
  retentionDays: true,
  waiverVersion: true,
  privacyVersion: true,
} as const;

type EditionFacts = { startsAt: Date; endsAt: Date; timezone: string; hostsEn: string; hostsEs: string; contactEmail: string | null; retentionDays: number };

/** The built-in text of a kind for a walk, in both languages. */
function builtIn(kind: LegalKind, walk: EditionFacts): { bodyEn: string; bodyEs: string } {
  return kind === "WAIVER"
    ? { bodyEn: builtInWaiverText("en"), bodyEs: builtInWaiverText("es") }
    : { bodyEn: builtInPrivacyText("en", walk), bodyEs: builtInPrivacyText("es", walk) };
}

/** The label a walk's walkers accept now, of a kind. */
function currentLabel(kind: LegalKind, walk: { waiverVersion: string; privacyVersion: string | null }): string {
  return kind === "WAIVER" ? walk.waiverVersion : privacyVersionOf(walk);
}

export interface LegalTextVersion {
  id: string;
  version: string;
  createdAt: Date;
  /** Who saved it (name, else address), or null once that account is gone. */
  by: string | null;
}

export interface KindTexts {
  /** The version walkers accept now. */
  current: string;
  /** Whether that version is a saved text (false: the built-in one). */
  saved: boolean;
  /** Its text, in both languages. */
  bodyEn: string;
  bodyEs: string;
  /** Every saved version, newest first. */
  versions: LegalTextVersion[];
}

const savedBy = { createdBy: { select: { name: true, email: true } } } as const;
const byOf = (row: { createdBy: { name: string | null; email: string } | null }) => row.createdBy?.name || row.createdBy?.email || null;

/** The walk editor's page: each kind's current version and text, and every saved version. */
export async function getLegalTexts(actor: Actor, eventId: string): Promise<Record<LegalKind, KindTexts>> {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(eventId)) throw new EditionNotFound();
  const walk = await db.event.findUnique({ where: { id: eventId }, select: editionFacts });
  if (!walk) throw new EditionNotFound();
  const rows = await db.legalText.findMany({
    where: { eventId },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, version: true, bodyEn: true, bodyEs: true, createdAt: true, ...savedBy },
  });
  const of = (kind: LegalKind): KindTexts => {
    const current = currentLabel(kind, walk);
    const mine = rows.filter((row) => row.kind === kind);
    const row = mine.find((r) => r.version === current);
    return {
      current,
      saved: !!row,
      ...(row ? { bodyEn: row.bodyEn, bodyEs: row.bodyEs } : builtIn(kind, walk)),
      versions: mine.map((r) => ({ id: r.id, version: r.version, createdAt: r.createdAt, by: byOf(r) })),
    };
  };
  return { WAIVER: of("WAIVER"), PRIVACY: of("PRIVACY") };
}

/** One saved version of this edition, read-only; LegalTextNotFound for an id that is none of its own. */
export async function getLegalTextVersion(actor: Actor, eventId: string, textId: string) {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(eventId) || !isUuid(textId)) throw new LegalTextNotFound();
  const row = await db.legalText.findFirst({
    where: { id: textId, eventId },
    select: { id: true, kind: true, version: true, bodyEn: true, bodyEs: true, createdAt: true, ...savedBy },
  });
  if (!row) throw new LegalTextNotFound();
  const { createdBy: _createdBy, ...text } = row;
  void _createdBy;
  return { ...text, by: byOf(row) };
}

/**
 * Saves a new version of a walk's waiver or privacy notice: a new LegalText row with the next label,
 * and the walk's label moved to it, under the walk's row lock, with its audit entry. EditionChanged
 * when the walk's version of that kind is no longer the one the form was opened at.
 */
export async function saveLegalText(actor: Actor, eventId: string, input: LegalTextInput): Promise<{ version: string }> {
  const data = legalTextSchema.parse(input);
  if (!isUuid(eventId)) throw new EditionNotFound();
  try {
    return await db.$transaction(
      async (tx) => {
        await assertOrganiser(tx, actor.userId);
        const [walk] = await tx.$queryRaw<{ waiverVersion: string; privacyVersion: string | null; startsAt: Date; timezone: string }[]>`
          SELECT "waiverVersion", "privacyVersion", "startsAt", "timezone" FROM "Event" WHERE "id" = ${eventId}::uuid FOR UPDATE`;
        if (!walk) throw new EditionNotFound();
        const before = currentLabel(data.kind, walk);
        if (before !== data.openedAt) throw new EditionChanged();
        const used = await tx.legalText.findMany({ where: { eventId, kind: data.kind }, select: { version: true } });
        const version = nextVersionLabel(editionYear(walk), [before, ...used.map((row) => row.version)]);
        await tx.legalText.create({
          data: { eventId, kind: data.kind, version, bodyEn: data.bodyEn, bodyEs: data.bodyEs, createdById: actor.userId },
        });
        await tx.event.update({ where: { id: eventId }, data: data.kind === "WAIVER" ? { waiverVersion: version } : { privacyVersion: version } });
        await writeAudit(tx, {
          actorId: actor.userId,
          action: data.kind === "WAIVER" ? "legal.waiver" : "legal.privacy",
          entityType: "Event",
          entityId: eventId,
          before: { version: before },
          after: { version },
        });
        return { version };
      },
      { maxWait: 20_000, timeout: 20_000 },
    );
  } catch (error) {
    // The row lock serialises saves; a label taken all the same is someone else's save.
    if (isUniqueViolation(error)) throw new EditionChanged();
    throw error;
  }
}

/**
 * The texts of the versions a group's walkers accepted, in `locale`: a saved version's own text; a
 * label with no saved text is the built-in one (for the privacy notice only the built-in notice's
 * current version, the one whose text is known). Null when the text is not known.
 */
export async function acceptedTexts(
  eventId: string,
  locale: "en" | "es",
  labels: { waiver: readonly string[]; privacy: readonly string[] },
): Promise<{ waiver: Map<string, string | null>; privacy: Map<string, string | null> }> {
  const [walk, rows] = await Promise.all([
    db.event.findUnique({ where: { id: eventId }, select: editionFacts }),
    db.legalText.findMany({
      where: {
        eventId,
        OR: [
          { kind: "WAIVER", version: { in: [...labels.waiver] } },
          { kind: "PRIVACY", version: { in: [...labels.privacy] } },
        ],
      },
      select: { kind: true, version: true, bodyEn: true, bodyEs: true },
    }),
  ]);
  const saved = (kind: LegalKind, label: string) => {
    const row = rows.find((r) => r.kind === kind && r.version === label);
    return row ? (locale === "es" ? row.bodyEs : row.bodyEn) : undefined;
  };
  return {
    waiver: new Map(labels.waiver.map((label) => [label, saved("WAIVER", label) ?? builtInWaiverText(locale)])),
    privacy: new Map(
      labels.privacy.map((label) => [
        label,
        saved("PRIVACY", label) ?? (label === PRIVACY_NOTICE_VERSION && walk ? builtInPrivacyText(locale, walk) : null),
      ]),
    ),
  };
}
