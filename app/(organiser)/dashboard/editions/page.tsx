import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { listEditions } from "@/lib/events/editions";
import { upcomingWalkDate } from "@/lib/events/seed-data";
import { StartNextForm } from "./EditionForms";

export const dynamic = "force-dynamic";

/** Every edition of the walk: the published one, drafts being prepared, and past ones with their counts. */
export default async function EditionsPage() {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.edition");
  const editions = await listEditions(actor);
  // Next year's walk is copied from the published edition (else the latest one).
  const source = editions.find((e) => e.status === "PUBLISHED") ?? editions[0];
  const next = source && upcomingWalkDate(new Date(Date.UTC(source.year + 1, 0, 1)));
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("listTitle")}</h1>
      <table className="w-full max-w-4xl border-collapse bg-white text-left text-sm shadow-sm">
        <caption className="sr-only">{t("listTitle")}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">{t("columns.walk")}</th>
            <th scope="col" className="p-2">{t("columns.status")}</th>
            <th scope="col" className="p-2">{t("columns.date")}</th>
            <th scope="col" className="p-2 text-right">{t("columns.confirmed")}</th>
            <th scope="col" className="p-2 text-right">{t("columns.checkedIn")}</th>
            <th scope="col" className="p-2 text-right">{t("columns.booths")}</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((edition) => {
            const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: edition.timezone });
            return (
              <tr key={edition.id} className="border-b border-slate-200">
                <td className="p-2">
                  <Link href={`/dashboard/editions/${edition.id}`} prefetch={false} className="font-semibold text-brand-800 underline">
                    {locale === "es" ? edition.nameEs : edition.nameEn} {edition.year}
                  </Link>
                </td>
                <td className="p-2">{t(`status.${edition.status}`)}</td>
                <td className="p-2">{day.format(edition.startsAt)}</td>
                <td className="p-2 text-right">{number.format(edition.confirmed)}</td>
                <td className="p-2 text-right">{number.format(edition.checkedIn)}</td>
                <td className="p-2 text-right">{number.format(edition.approvedBooths)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {source && next && (
        <StartNextForm sourceId={source.id} suggestedDate={`${next.year}-${String(next.month).padStart(2, "0")}-${String(next.day).padStart(2, "0")}`} />
      )}
    </div>
  );
}
