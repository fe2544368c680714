import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { getWalkerDetail } from "@/lib/walkers/queries";
import { SearchResultCheckIn } from "../../checkin/SearchResultCheckIn";
import { cancelWalkerAction, resendTicketAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function WalkerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ confirm?: string; done?: string }>;
}) {
  const { confirm, done } = await searchParams;
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
      {done && ["saved", "cancelled", "resent"].includes(done) && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t(`walker.done.${done as "saved" | "cancelled" | "resent"}`)}
        </p>
      )}
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
      {walker.status !== "CANCELLED" && (
        <div className="flex flex-wrap items-start gap-3 rounded-lg bg-white p-4 shadow-sm">
          <Link href={`/dashboard/walkers/${walker.id}/edit`} className="rounded border border-brand-700 px-3 py-1 text-brand-800">
            {t("walker.edit")}
          </Link>
          <form action={resendTicketAction}>
            <input type="hidden" name="walkerId" value={walker.id} />
            <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-800">
              {t("walker.resend")}
            </button>
          </form>
          {confirm === "cancel" ? (
            <form action={cancelWalkerAction} className="space-y-2 rounded border border-red-700 bg-red-50 p-3">
              <input type="hidden" name="walkerId" value={walker.id} />
              <p>{t("walker.cancelConfirm", { name: `${walker.firstName} ${walker.lastName}` })}</p>
              <div className="flex gap-3">
                <button type="submit" className="rounded bg-red-800 px-3 py-1 font-semibold text-white">
                  {t("walker.cancelYes")}
                </button>
                <Link href={`/dashboard/walkers/${walker.id}`} className="text-brand-700 underline">
                  {t("walker.cancelNo")}
                </Link>
              </div>
            </form>
          ) : (
            <Link href={`/dashboard/walkers/${walker.id}?confirm=cancel`} className="rounded border border-red-800 px-3 py-1 text-red-800">
              {t("walker.cancel")}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
