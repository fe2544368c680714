import { getTranslations } from "next-intl/server";
import type { PastEdition } from "@/lib/dashboard/queries";
import { organisationCategories } from "@/lib/booths/schema";
import { AGE_BANDS, NO_TSHIRT, TSHIRT_SIZES, WALKER_STATUSES } from "@/lib/walkers/categories";
import { Breakdown } from "./Breakdown";

const SIZES = [...TSHIRT_SIZES, NO_TSHIRT] as const;

/** A past walk's whole edition summary (lib/privacy/summary.ts): every count kept, identifying nobody. */
export async function PastWalk({ walk, locale }: { walk: PastEdition; locale: "en" | "es" }) {
  const t = await getTranslations("Dashboard");
  const tPartner = await getTranslations("Partner");
  const c = walk.counts;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: walk.timezone });
  const headingId = `past-${walk.eventId}`;
  const figures: [string, number][] = [
    ...WALKER_STATUSES.map((status): [string, number] => [t(`status.${status}`), c.byStatus[status] ?? 0]),
    [t("overview.checkedIn"), c.checkedIn],
    [t("overview.notCheckedIn"), c.notCheckedIn],
    [t("overview.walkUps"), c.walkUps],
  ];
  const labels = { categoryLabel: t("overview.category"), countLabel: t("overview.count") };
  return (
    <section aria-labelledby={headingId} data-testid="past-walk" className="space-y-3 border-t border-slate-200 pt-3">
      <h3 id={headingId} className="font-semibold">
        {walk.name}, {day.format(walk.startsAt)}
      </h3>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-6">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="text-xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-3">
        <Breakdown title={t("overview.byAgeBand")} {...labels} rows={AGE_BANDS.map((band) => ({ label: t(`ageBand.${band}`), count: c.byAgeBand[band] ?? 0 }))} />
        <Breakdown
          title={t("overview.byTshirt")}
          {...labels}
          rows={SIZES.filter((size) => (c.byTshirtSize[size] ?? 0) > 0).map((size) => ({ label: t(`tshirt.${size}`), count: c.byTshirtSize[size] ?? 0 }))}
        />
        <Breakdown title={t("overview.byLanguage")} {...labels} rows={(["EN", "ES"] as const).map((lang) => ({ label: t(`language.${lang}`), count: c.byLanguage[lang] ?? 0 }))} />
        <Breakdown
          title={t("overview.perDay")}
          {...labels}
          rows={Object.entries(c.signUpsPerDay)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([date, count]) => ({ label: date, count }))}
        />
        <Breakdown
          title={t("overview.boothsByCategory")}
          categoryLabel={t("overview.category")}
          countLabel={t("overview.bookings")}
          rows={organisationCategories.map((category) => ({ label: tPartner(`categories.${category}`), count: c.boothBookingsByCategory[category] ?? 0 }))}
        />
      </div>
    </section>
  );
}
