import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { AGE_BANDS, WALKER_STATUSES } from "@/lib/walkers/categories";
import { listWalkers, walkerFilterSchema } from "@/lib/walkers/queries";

export const dynamic = "force-dynamic";


export default async function WalkersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, locale);
  if (!event) return <p>{t("noEvent")}</p>;

  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = walkerFilterSchema.parse(raw);
  const { walkers, total, totalIsAtLeast, nextCursor } = await listWalkers(actor, event.id, filter);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: event.timezone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: event.timezone });

  const query = new URLSearchParams();
  if (filter.q) query.set("q", filter.q);
  if (filter.status) query.set("status", filter.status);
  if (filter.ageBand) query.set("ageBand", filter.ageBand);
  if (filter.checkedIn) query.set("checkedIn", filter.checkedIn);
  const nextQuery = new URLSearchParams(query);
  if (nextCursor) nextQuery.set("after", nextCursor);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("walkers.title")}</h1>
      <form method="get" className="grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-5">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">
            {t("walkers.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q} className="mt-1 w-full rounded border border-slate-400 px-2 py-1" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            {t("walkers.status")}
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className="mt-1 w-full rounded border border-slate-400 px-2 py-1">
            <option value="">{t("walkers.any")}</option>
            {WALKER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ageBand" className="block text-sm font-medium">
            {t("walkers.ageBand")}
          </label>
          <select id="ageBand" name="ageBand" defaultValue={filter.ageBand ?? ""} className="mt-1 w-full rounded border border-slate-400 px-2 py-1">
            <option value="">{t("walkers.any")}</option>
            {AGE_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(`ageBand.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="checkedIn" className="block text-sm font-medium">
            {t("walkers.checkedIn")}
          </label>
          <select id="checkedIn" name="checkedIn" defaultValue={filter.checkedIn ?? ""} className="mt-1 w-full rounded border border-slate-400 px-2 py-1">
            <option value="">{t("walkers.any")}</option>
            <option value="yes">{t("walkers.yes")}</option>
            <option value="no">{t("walkers.no")}</option>
          </select>
        </div>
        <div className="flex items-center gap-3 sm:col-span-5">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("walkers.apply")}
          </button>
          <Link href="/dashboard/walkers" className="text-brand-700 underline">
            {t("walkers.reset")}
          </Link>
          <a href={`/dashboard/walkers/export?${query.toString()}`} className="ml-auto text-brand-700 underline" download>
            {t("walkers.export")}
          </a>
        </div>
      </form>

      <p role="status" data-testid="walker-total">
        {totalIsAtLeast ? t("walkers.totalAtLeast", { count: total }) : t("walkers.total", { count: total })}
      </p>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="p-2">{t("walkers.name")}</th>
              <th scope="col" className="p-2">{t("walkers.status")}</th>
              <th scope="col" className="p-2">{t("walkers.ageBand")}</th>
              <th scope="col" className="p-2">{t("walkers.ticket")}</th>
              <th scope="col" className="p-2">{t("walkers.checkedIn")}</th>
              <th scope="col" className="p-2">{t("walkers.registered")}</th>
            </tr>
          </thead>
          <tbody>
            {walkers.map((w) => (
              <tr key={w.id} className="border-b border-slate-100">
                <td className="p-2">
                  <Link href={`/dashboard/walkers/${w.id}`} className="text-brand-700 underline">
                    {w.firstName} {w.lastName}
                  </Link>
                  {w.guardianName && <div className="text-xs text-slate-700">{t("walkers.guardian", { name: w.guardianName })}</div>}
                </td>
                <td className="p-2">{t(`status.${w.status}`)}</td>
                <td className="p-2">{t(`ageBand.${w.ageBand}`)}</td>
                <td className="p-2 font-mono">{w.ticketCode}</td>
                <td className="p-2">
                  {w.checkIn ? t("walkers.checkedInAt", { time: time.format(w.checkIn.checkedInAt) }) : t("walkers.notCheckedIn")}
                </td>
                <td className="p-2">{date.format(w.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex gap-4">
        {filter.after !== undefined && (
          <Link href={`/dashboard/walkers?${query.toString()}`} className="text-brand-700 underline">
            {t("walkers.firstPage")}
          </Link>
        )}
        {nextCursor && (
          <Link href={`/dashboard/walkers?${nextQuery.toString()}`} className="text-brand-700 underline">
            {t("walkers.nextPage")}
          </Link>
        )}
      </div>
    </div>
  );
}
