import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BoothList } from "@/app/components/booths/BoothList";
import { BoothMap } from "@/app/components/booths/BoothMap";
import { expireStaleHolds } from "@/lib/booths/mutations";
import { getBoothOverview } from "@/lib/booths/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Booths");
  return { title: t("title") };
}

export default async function BoothsPage() {
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Booths");
  // Holds that have passed are released now, not only at the next periodic sweep.
  await expireStaleHolds();
  const overview = await getBoothOverview(locale);
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
        <Link href="/partner/book" className="inline-block rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          {t("requestCta")}
        </Link>
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
