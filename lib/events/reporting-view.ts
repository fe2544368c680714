// Where to report suspected trafficking, as walkers see it in one language: on the home page, the
// ticket page and the confirmation email. No "server-only" marker and no database: the public pages
// (Pages Router) and the email worker read it too. Null while the edition has no resource: the
// section is hidden until organisers fill the list.
import type { Prisma } from "../generated/prisma/client";

export interface ReportingResourceView {
  id: string;
  name: string;
  phone: string | null;
  /** The phone as a tel: address ("tel:+18685551234"), or null. */
  tel: string | null;
  url: string | null;
  hours: string;
}

export interface ReportingView {
  /** Signs of trafficking to notice, one a line. */
  signs: string[];
  resources: ReportingResourceView[];
}

/** What an Event select needs for reportingView. */
export const reportingSelect = {
  reportingSignsEn: true,
  reportingSignsEs: true,
  reportingResources: {
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, nameEn: true, nameEs: true, phone: true, url: true, hoursEn: true, hoursEs: true },
  },
} as const satisfies Prisma.EventSelect;

export type ReportingRow = Prisma.EventGetPayload<{ select: typeof reportingSelect }>;

export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

export function reportingView(row: ReportingRow, locale: "en" | "es"): ReportingView | null {
  if (row.reportingResources.length === 0) return null;
  const es = locale === "es";
  return {
    signs: (es ? row.reportingSignsEs : row.reportingSignsEn)
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    resources: row.reportingResources.map((r) => ({
      id: r.id,
      name: es ? r.nameEs : r.nameEn,
      phone: r.phone,
      tel: r.phone ? telHref(r.phone) : null,
      url: r.url,
      hours: es ? r.hoursEs : r.hoursEn,
    })),
  };
}
