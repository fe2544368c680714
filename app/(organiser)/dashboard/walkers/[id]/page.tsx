import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { getWalkerDetail } from "@/lib/walkers/queries";
import { SearchResultCheckIn } from "../../checkin/SearchResultCheckIn";

export const dynamic = "force-dynamic";

export default async function WalkerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, locale);
  if (!event) notFound();
  const walker = await getWalkerDetail(actor, event.id, (await params).id);
  if (!walker) notFound();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: event.timezone });
  const none = t("walker.none");
  const rows: [string, string][] = [
    [t("walkers.status"), t(`status.${walker.status}`)],
    [t("walkers.email"), walker.email],
    [t("walker.phone"), walker.phone ?? none],
    [t("walkers.ageBand"), t(`ageBand.${walker.ageBand}`)],
    [t("checkin.tshirt"), walker.tshirtSize ? t(`tshirt.${walker.tshirtSize}`) : none],
    [t("walkers.ticket"), walker.ticketCode],
    [t("walker.emergency"), `${walker.emergencyContactName} · ${walker.emergencyContactPhone}`],
    [t("walker.accessibility"), walker.accessibilityNeeds ?? none],
    [t("walker.guardian"), walker.guardianName ?? none],
    [t("walker.photoConsent"), walker.photoConsent ? t("walkers.yes") : t("walkers.no")],
    [t("walkers.registered"), time.format(walker.createdAt)],
  ];
  return (
    <div className="space-y-4">
      <Link href="/dashboard/walkers" className="text-brand-700 underline">
        {t("walker.back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {walker.firstName} {walker.lastName}
      </h1>
      {walker.group._count.walkers > 1 && <p>{t("walker.group", { count: walker.group._count.walkers })}</p>}
      <dl className="grid gap-x-6 gap-y-2 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="rounded-lg bg-white p-4 shadow-sm">
        {walker.checkIn ? (
          <p>{t("walkers.checkedInAt", { time: time.format(walker.checkIn.checkedInAt) })}</p>
        ) : walker.status === "CONFIRMED" ? (
          <SearchResultCheckIn walkerId={walker.id} name={`${walker.firstName} ${walker.lastName}`} />
        ) : (
          <p>{t("walkers.notCheckedIn")}</p>
        )}
      </div>
    </div>
  );
}
