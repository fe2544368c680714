import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { editionForPage } from "./edition";

/** Every page of one edition's editor: its name, status and dates, and its sections. */
export default async function EditionLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.edition");
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: edition.timezone });
  const base = `/dashboard/editions/${edition.id}`;
  const sections = [
    [base, t("sections.overview")],
    [`${base}/content`, t("sections.content")],
    [`${base}/programme`, t("sections.programme")],
    [`${base}/resources`, t("sections.resources")],
    [`${base}/map`, t("sections.map")],
    [`${base}/texts`, t("sections.texts")],
    [`${base}/settings`, t("sections.settings")],
  ] as const;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        <Link href="/dashboard/editions" prefetch={false} className="underline">{t("allEditions")}</Link>
      </p>
      <header className="space-y-1">
        <p className="text-lg font-semibold">{locale === "es" ? edition.nameEs : edition.nameEn}</p>
        <p className="text-sm">
          <span className="rounded bg-slate-200 px-2 py-0.5 font-semibold">{t(`status.${edition.status}`)}</span>{" "}
          {day.format(edition.startsAt)}
        </p>
      </header>
      <nav aria-label={t("sectionsLabel")} className="flex flex-wrap gap-2 text-sm">
        {sections.map(([href, label]) => (
          <Link key={href} href={href} prefetch={false} className="rounded border border-slate-300 bg-white px-3 py-1 text-brand-800 hover:underline">
            {label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
