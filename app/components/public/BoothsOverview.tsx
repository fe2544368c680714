import { useTranslations } from "next-intl";
import { BoothList } from "@/app/components/booths/BoothList";
import { BoothMap } from "@/app/components/booths/BoothMap";
import type { BoothsPageProps } from "@/lib/public-pages";

/**
 * The booth map for partners (pages/public/[locale]/booths.tsx): rendered once per language for
 * everyone. A hold that has passed already reads as available (lib/booths/state.ts); the sweep
 * releases it in the database within a minute.
 */
export function BoothsOverview({ overview }: Pick<BoothsPageProps, "overview">) {
  const t = useTranslations("Booths");
  if (!overview) return <p>{t("none")}</p>;
  const available = overview.booths.filter((b) => b.state === "available").length;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("intro", { hours: overview.boothHoldHours, max: overview.maxBoothsPerOrganisation })}</p>
        <p className="font-semibold" data-testid="booths-available">
          {t("count", { available, total: overview.booths.length })}
        </p>
        <a href="/partner/book" className="inline-block rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          {t("requestCta")}
        </a>
      </header>

      <section aria-labelledby="booth-map-title" className="space-y-3">
        <h2 id="booth-map-title" className="text-xl font-semibold text-brand-800">
          {t("mapTitle")}
        </h2>
        <BoothMap booths={overview.booths} />
      </section>

      <section aria-labelledby="addons" className="space-y-2">
        <h2 id="addons" className="text-xl font-semibold text-brand-800">
          {t("addonsTitle")}
        </h2>
        <ul className="list-inside list-disc">
          {overview.addons.map((addon) => (
            <li key={addon.id}>{t("addonLimit", { name: addon.name, max: addon.maxPerBooking })}</li>
          ))}
        </ul>
      </section>

      <BoothList booths={overview.booths} />
    </article>
  );
}
