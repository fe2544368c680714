import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BoothList } from "@/app/components/booths/BoothList";
import { BoothMap } from "@/app/components/booths/BoothMap";
import { partnerPageActor } from "@/app/(partner)/partner/(account)/partner-session";
import { expireStaleHolds } from "@/lib/booths/mutations";
import { getBoothOverview, getPartnerOrganisation } from "@/lib/booths/queries";
import { RequestForm } from "./RequestForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Partner");
  return { title: t("bookTitle") };
}

export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await partnerPageActor();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Partner");
  const tb = await getTranslations("Booths");
  const organisation = await getPartnerOrganisation(actor.userId);
  if (!organisation) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-brand-800">{t("bookTitle")}</h1>
        <p>{t("profileFirst")}</p>
        <Link href="/partner/organisation" className="text-brand-700 underline">{t("goToProfile")}</Link>
      </div>
    );
  }
  await expireStaleHolds();
  const overview = await getBoothOverview(locale);
  if (!overview) return <p>{tb("none")}</p>;
  const code = (await searchParams).booth;
  const chosen = typeof code === "string" ? overview.booths.find((b) => b.code === code) : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-800">{t("bookTitle")}</h1>
      <p>{t("bookIntro")}</p>
      <section id="request" aria-label={chosen ? t("selected", { code: chosen.code }) : t("bookTitle")}>
        <RequestForm
          booth={
            chosen
              ? {
                  id: chosen.id,
                  code: chosen.code,
                  available: chosen.state === "available",
                  details: t("selectedDetails", {
                    size: tb(`sizes.${chosen.size}`),
                    tent: chosen.tentSupplied ? tb("tentSupplied") : tb("noTent"),
                  }),
                }
              : null
          }
          addons={overview.addons}
          holdHours={overview.boothHoldHours}
        />
      </section>
      <section aria-labelledby="book-map" className="space-y-3">
        <h2 id="book-map" className="text-xl font-semibold text-brand-800">{tb("mapTitle")}</h2>
        <BoothMap booths={overview.booths} selectedCode={chosen?.code} />
      </section>
      <BoothList booths={overview.booths} />
    </div>
  );
}
