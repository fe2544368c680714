import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { listEditions } from "@/lib/events/editions";

export const dynamic = "force-dynamic";

/** Every edition of the walk: the published one, drafts being prepared, and past ones with their counts. */
export default async function EditionsPage() {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.edition");
  const editions = await listEditions(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("listTitle")}</h1>
      <ul className="space-y-2">
        {editions.map((edition) => {
          const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: edition.timezone });
          return (
            <li key={edition.id} className="rounded border border-slate-300 bg-white p-3">
              <Link href={`/dashboard/editions/${edition.id}`} prefetch={false} className="font-semibold text-brand-800 underline">
                {locale === "es" ? edition.nameEs : edition.nameEn}
              </Link>{" "}
              <span className="rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold">{t(`status.${edition.status}`)}</span>
              <p className="text-sm">{day.format(edition.startsAt)}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
