import Link from "next/link";
import type { Metadata } from "next";
import QRCode from "qrcode";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportingSection } from "@/app/components/public/ReportingSection";
import { getManageView } from "@/lib/registrations/queries";
import { linkGone } from "./LinkGone";
import { resendAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Manage");
  // The address is a secret link: keep it out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

const notices = ["saved", "cancelled", "nothingToCancel", "resent", "dataDeleted", "nothingToDelete"] as const;

export default async function ManagePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ registered?: string; done?: string }>;
}) {
  const { token } = await params;
  const query = await searchParams;
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Manage");
  const view = await getManageView(token, locale);
  if (!view) return linkGone(token);
  // After the walk the link still shows the registration and its data (to see, download or
  // delete it) until the purge; nothing can be changed any more.
  const walkOver = new Date() >= view.event.endsAt;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: view.event.timezone });

  const when = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: view.event.timezone });
  const live = view.walkers.filter((w) => w.status !== "CANCELLED");
  const allWaiting = live.length > 0 && live.every((w) => w.status === "WAITING");
  const notice = notices.find((n) => n === query.done);
  // As SVG: a PNG (encoded and compressed in JavaScript) cost this page about 4 ms of the server's one
  // thread per ticket, the SVG 0.13 ms, and it is sharper and smaller (docs/PERFORMANCE.md, the rush).
  const qr = new Map<string, string>();
  for (const walker of live)
    if (walker.status === "CONFIRMED") {
      const svg = await QRCode.toString(walker.ticketCode, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      qr.set(walker.id, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    }

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="text-lg font-medium">{view.event.name}</p>
        <p>
          <time dateTime={view.event.startsAt.toISOString()}>{when.format(view.event.startsAt)}</time> · {view.event.venueAddress}
        </p>
      </header>

      {query.registered === "1" && (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 font-medium text-green-900">
          {allWaiting ? t("registeredWaiting") : t("registered")}
        </p>
      )}
      {notice && (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 font-medium text-green-900">
          {t(notice)}
        </p>
      )}
      <p className="text-sm text-slate-700">{t("bookmark", { date: day.format(view.event.erasedOn) })}</p>
      {walkOver && (
        <p role="status" className="rounded-md border border-brand-700 bg-white p-3 font-medium">
          {t("walkOver", { date: day.format(view.event.erasedOn) })}
        </p>
      )}

      <ul className="space-y-4">
        {view.walkers.map((walker) => (
          <li key={walker.id} className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby={`walker-${walker.id}`}>
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div className="space-y-1">
                <h2 id={`walker-${walker.id}`} className="text-xl font-semibold">
                  {walker.firstName} {walker.lastName}
                </h2>
                <p data-testid="walker-status" className="font-medium">
                  {walker.status === "WAITING"
                    ? t("statusWAITING", { position: walker.waitingPosition ?? 0 })
                    : t(`status${walker.status}`)}
                </p>
                {walker.status === "CONFIRMED" && (
                  <p>
                    {t("ticketCode")}: <span className="font-mono text-lg" data-testid="ticket-code">{walker.ticketCode}</span>
                  </p>
                )}
              </div>
              {qr.has(walker.id) && (
                // eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server
                <img src={qr.get(walker.id)} width={160} height={160} alt={t("qrAlt", { code: walker.ticketCode })} />
              )}
            </div>
            {walker.status !== "CANCELLED" && !walkOver && (
              <div className="mt-3 flex flex-wrap gap-3">
                <Link
                  href={`/manage/${token}/edit/${walker.id}`}
                  aria-label={`${t("edit")}: ${walker.firstName} ${walker.lastName}`}
                  className="rounded-md border border-brand-700 px-3 py-1 text-brand-700"
                >
                  {t("edit")}
                </Link>
                {live.length > 1 && (
                  <Link
                    href={`/manage/${token}/cancel?walker=${walker.id}`}
                    aria-label={`${t("cancel")}: ${walker.firstName} ${walker.lastName}`}
                    className="rounded-md border border-red-700 px-3 py-1 text-red-800"
                  >
                    {t("cancel")}
                  </Link>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>

      {live.length > 0 && !walkOver && (
        <div className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          {live.some((w) => w.status === "CONFIRMED") && <p>{t("showAtCheckin")}</p>}
          <div className="flex flex-wrap items-center gap-3">
            <a href="/calendar.ics" className="text-brand-700 underline">
              {t("addToCalendar")}
            </a>
            <form action={resendAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className="rounded-md border border-brand-700 px-3 py-1 text-brand-700">
                {t("resend")}
              </button>
            </form>
            <Link href={`/manage/${token}/cancel?walker=all`} className="rounded-md border border-red-700 px-3 py-1 text-red-800">
              {t("cancelAll")}
            </Link>
          </div>
        </div>
      )}

      <ReportingSection reporting={view.event.reporting} />

      <section aria-labelledby="your-data" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="your-data" className="text-xl font-semibold">{t("data.title")}</h2>
        <p>{t("data.teaser")}</p>
        <Link href={`/manage/${token}/data`} className="text-brand-700 underline">
          {t("data.open")}
        </Link>
      </section>
    </div>
  );
}
