import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { getOverview } from "@/lib/dashboard/queries";
import { AutoRefresh } from "../components/AutoRefresh";

export const dynamic = "force-dynamic";

/** A large live number for a screen at the gate. */
export default async function CounterPage() {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, locale);
  if (!event) return <p>{t("noEvent")}</p>;
  const overview = (await getOverview(actor, event.id))!;
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center text-center">
      <AutoRefresh seconds={3} />
      <h1 className="text-3xl font-semibold text-brand-800">{t("counter.title")}</h1>
      <p className="text-[10rem] font-bold leading-none tabular-nums" data-testid="live-counter">
        {overview.checkedIn}
      </p>
      <p className="text-2xl">{t("counter.of", { confirmed: overview.confirmed })}</p>
    </div>
  );
}
