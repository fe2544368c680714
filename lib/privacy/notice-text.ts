// The built-in privacy notice (app/(public)/privacy/page.tsx) as plain text, with a walk's own facts
// filled in: what the walk-editor's privacy form starts from (an organiser's first save is an edit of
// it), and what a walker's data page shows for the built-in version they accepted. Same sections and
// sentences as the page, in the same order; no links (the page adds its own).
import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import { purgeDate } from "./retention";

export interface NoticeWalk {
  hostsEn: string;
  hostsEs: string;
  contactEmail: string | null;
  retentionDays: number;
  endsAt: Date;
  timezone: string;
}

const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "Privacy" }),
  es: createTranslator({ locale: "es", messages: es, namespace: "Privacy" }),
};

/** The built-in notice in `locale`, for `walk` (null: no walk yet), as paragraphs separated by blank lines. */
export function builtInPrivacyText(locale: "en" | "es", walk: NoticeWalk | null): string {
  const t = translators[locale] as unknown as (key: string, values?: Record<string, string | number>) => string;
  const hosts = walk ? (locale === "es" ? walk.hostsEs : walk.hostsEn) : null;
  const days = walk?.retentionDays ?? 60;
  const date = walk
    ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: walk.timezone }).format(purgeDate(walk))
    : null;
  const what = ["identity", "contact", "age", "emergency", "access", "guardian", "choices"].map((item) => `- ${t(`what.${item}`)}`);
  const sections: string[][] = [
    [t("intro")],
    [
      t("who.heading"),
      hosts ? t("who.hosts", { hosts }) : t("who.noWalk"),
      walk?.contactEmail ? `${t("who.contact")} ${walk.contactEmail}` : t("who.noContact"),
    ],
    [t("what.heading"), ...what, t("what.why")],
    [t("never.heading"), t("never.text")],
    [t("sees.heading"), t("sees.organisers"), t("sees.nobodyElse")],
    [t("keep.heading"), date ? `${t("keep.days", { days })} ${t("keep.date", { date })}` : t("keep.days", { days }), t("keep.counts")],
    [t("rights.heading"), t("rights.manage", { days })],
  ];
  return sections.map((lines) => lines.join("\n")).join("\n\n");
}
