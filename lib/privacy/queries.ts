// What the privacy notice (/privacy) states about the current walk: its hosts, its contact address
// and how long it keeps personal data, so the page always says the walk's real numbers; or, once an
// organiser saved the walk's own notice (lib/events/legal-texts.ts), that text.
import { db } from "../db";
import { findCurrentWalk } from "../events/current";
import { privacyVersionOf } from "./notice";
import { purgeDate } from "./purge";

export interface PrivacyFacts {
  version: string;
  /** The walk's saved notice in the page's language (plain text), or null for the built-in one. */
  saved: string | null;
  walkName: string | null;
  hosts: string | null;
  contactEmail: string | null;
  retentionDays: number;
  /** The day this walk's personal data is erased. */
  erasedOn: Date | null;
  timezone: string;
}

export async function getPrivacyFacts(locale: "en" | "es"): Promise<PrivacyFacts> {
  const walk = await findCurrentWalk(
    db,
    { id: true, nameEn: true, nameEs: true, hostsEn: true, hostsEs: true, contactEmail: true, retentionDays: true, endsAt: true, timezone: true, privacyVersion: true },
  );
  const es = locale === "es";
  const saved = walk?.privacyVersion
    ? await db.legalText.findUnique({
        where: { eventId_kind_version: { eventId: walk.id, kind: "PRIVACY", version: walk.privacyVersion } },
        select: { bodyEn: true, bodyEs: true },
      })
    : null;
  return {
    version: privacyVersionOf({ privacyVersion: walk?.privacyVersion ?? null }),
    saved: saved ? (es ? saved.bodyEs : saved.bodyEn) : null,
    walkName: walk ? (es ? walk.nameEs : walk.nameEn) : null,
    hosts: walk ? (es ? walk.hostsEs : walk.hostsEn) : null,
    contactEmail: walk?.contactEmail ?? null,
    retentionDays: walk?.retentionDays ?? 60,
    erasedOn: walk ? purgeDate(walk) : null,
    timezone: walk?.timezone ?? "America/Port_of_Spain",
  };
}
