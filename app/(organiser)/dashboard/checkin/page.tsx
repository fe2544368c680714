import { RegisterLink } from "@/app/components/RegisterLink";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { getOverview } from "@/lib/dashboard/queries";
import { searchForCheckIn } from "@/lib/walkers/queries";
import { CheckInDesk } from "./CheckInDesk";
import { SearchResultCheckIn } from "./SearchResultCheckIn";

export const dynamic = "force-dynamic";

export default async function CheckInPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, locale);
  if (!event) return <p>{t("noEvent")}</p>;
  const rawQ = (await searchParams).q;
  const q = (Array.isArray(rawQ) ? rawQ[0] : rawQ)?.slice(0, 200) ?? "";
  const [overview, results] = await Promise.all([getOverview(actor, event.id), q ? searchForCheckIn(actor, event.id, q) : []]);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: event.timezone });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("checkin.title")}</h1>
        <p className="text-lg font-semibold tabular-nums">{t("checkin.checkedInCount", { count: overview?.checkedIn ?? 0 })}</p>
      </div>
      <CheckInDesk />

      <section aria-labelledby="search" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="search" className="text-lg font-semibold">
          {t("checkin.searchTitle")}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="q" className="block text-sm font-medium">
              {t("checkin.searchLabel")}
            </label>
            <input id="q" name="q" type="search" defaultValue={q} className="mt-1 rounded border border-slate-400 px-2 py-1" />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("checkin.searchButton")}
          </button>
        </form>
        {q && results.length === 0 && <p>{t("checkin.noResults")}</p>}
        <ul className="divide-y divide-slate-200">
          {results.map((w) => (
            <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-semibold">
                  {w.firstName} {w.lastName}
                </span>{" "}
                · {t(`ageBand.${w.ageBand}`)} · <span className="font-mono">{w.ticketCode}</span>
                {w.guardianName && <> · {t("walkers.guardian", { name: w.guardianName })}</>}
              </span>
              {w.checkIn ? (
                <span>{t("walkers.checkedInAt", { time: time.format(w.checkIn.checkedInAt) })}</span>
              ) : (
                <SearchResultCheckIn walkerId={w.id} name={`${w.firstName} ${w.lastName}`} />
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="text-lg font-semibold">{t("checkin.walkUp")}</h2>
        <p className="mt-1">{t("checkin.walkUpHelp")}</p>
        <RegisterLink className="mt-2 inline-block text-brand-700 underline">{t("checkin.walkUp")}</RegisterLink>
      </section>
    </div>
  );
}
