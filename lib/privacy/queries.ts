// What the privacy notice (/privacy) states about the current walk: its hosts, its contact address
// and how long it keeps personal data, so the page always says the walk's real numbers.
import { db } from "../db";
import { findCurrentWalk } from "../events/current";
import { PRIVACY_NOTICE_VERSION } from "./notice";
import { purgeDate } from "./purge";

export interface PrivacyFacts {
  version: string;
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
    { nameEn: true, nameEs: true, hostsEn: true, hostsEs: true, contactEmail: true, retentionDays: true, endsAt: true, timezone: true },
  );
  const es = locale === "es";
  return {
    version: PRIVACY_NOTICE_VERSION,
    walkName: walk ? (es ? walk.nameEs : walk.nameEn) : null,
    hosts: walk ? (es ? walk.hostsEs : walk.hostsEn) : null,
    contactEmail: walk?.contactEmail ?? null,
    retentionDays: walk?.retentionDays ?? 60,
    erasedOn: walk ? purgeDate(walk) : null,
    timezone: walk?.timezone ?? "America/Port_of_Spain",
  };
}
