import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { getOverview, getPastEditions } from "@/lib/dashboard/queries";
import { countReportingResources } from "@/lib/events/reporting";
import { AGE_BANDS, NO_TSHIRT, TSHIRT_SIZES } from "@/lib/walkers/categories";
import { AutoRefresh } from "./components/AutoRefresh";
import { Breakdown } from "./components/Breakdown";
import { PastWalk } from "./components/PastWalk";

export const dynamic = "force-dynamic";

const SIZES = [...TSHIRT_SIZES, NO_TSHIRT] as const;

export default async function OverviewPage() {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, locale);
  if (!event) return <p>{t("noEvent")}</p>;
  const [o, past, resources] = await Promise.all([
    getOverview(actor, event.id).then((found) => found!),
    getPastEditions(actor, locale),
    countReportingResources(actor, event.id),
  ]);

  const stat = (label: string, value: number, testId: string, note?: string) => (
    <div className="rounded-lg bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums" data-testid={testId}>
        {value}
        {note && <span className="ml-1 text-base font-normal text-slate-700">{note}</span>}
      </dd>
    </div>
  );
  const maxPerDay = Math.max(1, ...o.signupsPerDay.map((d) => d.count));
  const barWidth = 24;

  return (
    <div className="space-y-6">
      <AutoRefresh seconds={5} />
      <div>
        <h1 className="text-2xl font-bold">{t("overview.title")}</h1>
        <p className="text-sm text-slate-700">
          {event.name} · {t("overview.live")}
        </p>
      </div>
      {resources === 0 && (
        <p className="rounded-lg border border-brand-700 bg-white p-4">
          {t("resources.prompt")}{" "}
          <Link href={`/dashboard/editions/${event.id}/resources`} prefetch={false} className="font-semibold text-brand-700 underline">
            {t("resources.promptLink")}
          </Link>
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stat(t("overview.confirmed"), o.confirmed, "stat-confirmed")}
        {stat(t("overview.waiting"), o.waiting, "stat-waiting")}
        {stat(t("overview.cancelled"), o.cancelled, "stat-cancelled")}
        {stat(t("overview.checkedIn"), o.checkedIn, "stat-checked-in")}
        {stat(t("overview.placesLeft"), o.placesLeft, "stat-places-left", t("overview.ofCapacity", { capacity: o.capacity }))}
      </dl>

      <div className="grid gap-4 md:grid-cols-3">
        <Breakdown
          title={t("overview.byAgeBand")}
          categoryLabel={t("overview.category")}
          countLabel={t("overview.count")}
          rows={AGE_BANDS.map((band) => ({ label: t(`ageBand.${band}`), count: o.byAgeBand[band] ?? 0 }))}
        />
        <Breakdown
          title={t("overview.byTshirt")}
          categoryLabel={t("overview.category")}
          countLabel={t("overview.count")}
          rows={SIZES.filter((size) => (o.byTshirtSize[size] ?? 0) > 0).map((size) => ({
            label: t(`tshirt.${size}`),
            count: o.byTshirtSize[size] ?? 0,
          }))}
        />
        <Breakdown
          title={t("overview.byLanguage")}
          categoryLabel={t("overview.category")}
          countLabel={t("overview.count")}
          rows={(["EN", "ES"] as const).map((lang) => ({ label: t(`language.${lang}`), count: o.byLanguage[lang] ?? 0 }))}
        />
      </div>

      <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="per-day">
        <h2 id="per-day" className="mb-2 font-semibold">
          {t("overview.perDay")}
        </h2>
        {o.signupsPerDay.length === 0 ? (
          <p>{t("overview.noSignups")}</p>
        ) : (
          <>
            <svg
              role="img"
              aria-label={t("overview.perDayChart")}
              viewBox={`0 0 ${o.signupsPerDay.length * (barWidth + 6)} 110`}
              className="h-40 w-full max-w-3xl"
              preserveAspectRatio="xMinYMax meet"
            >
              {o.signupsPerDay.map((d, i) => {
                const h = (d.count / maxPerDay) * 100;
                return <rect key={d.day} x={i * (barWidth + 6)} y={105 - h} width={barWidth} height={h} className="fill-brand-700" />;
              })}
            </svg>
            <details className="mt-2 text-sm">
              <summary>{t("overview.perDay")}</summary>
              <table className="mt-2">
                <tbody>
                  {o.signupsPerDay.map((d) => (
                    <tr key={d.day}>
                      <th scope="row" className="pr-4 text-left font-normal">
                        {d.day}
                      </th>
                      <td className="tabular-nums">{d.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="booths">
          <h2 id="booths" className="mb-2 font-semibold">
            {t("overview.booths")}
          </h2>
          <dl className="grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt>{t("overview.boothsAvailable")}</dt>
              <dd className="text-2xl font-bold tabular-nums">{o.booths.available}</dd>
            </div>
            <div>
              <dt>{t("overview.boothsPending")}</dt>
              <dd className="text-2xl font-bold tabular-nums">{o.booths.pending}</dd>
            </div>
            <div>
              <dt>{t("overview.boothsApproved")}</dt>
              <dd className="text-2xl font-bold tabular-nums">{o.booths.approved}</dd>
            </div>
          </dl>
        </section>
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="emails">
          <h2 id="emails" className="mb-2 font-semibold">
            {t("overview.emails")}
          </h2>
          <dl className="grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt>{t("overview.emailsQueued")}</dt>
              <dd className="text-2xl font-bold tabular-nums">{o.emails.queued}</dd>
            </div>
            <div>
              <dt>{t("overview.emailsFailed")}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid="stat-emails-failed">
                {o.emails.failed}
              </dd>
            </div>
            <div>
              <dt>{t("overview.emailsSent")}</dt>
              <dd className="text-2xl font-bold tabular-nums">{o.emails.sent}</dd>
            </div>
          </dl>
        </section>
      </div>

      {past.length > 0 && (
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="past-walks">
          <h2 id="past-walks" className="mb-1 font-semibold">
            {t("overview.pastWalks")}
          </h2>
          <p className="mb-2 text-sm text-slate-700">{t("overview.pastWalksIntro")}</p>
          <div className="space-y-4">
            {past.map((walk) => (
              <PastWalk key={walk.eventId} walk={walk} locale={locale} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
