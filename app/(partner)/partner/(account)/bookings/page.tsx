import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { partnerPageActor } from "@/app/(partner)/partner/(account)/partner-session";
import { listPartnerBookings } from "@/lib/booths/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Partner");
  return { title: t("bookingsTitle") };
}

export default async function BookingsPage() {
  const actor = await partnerPageActor();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Partner");
  const tb = await getTranslations("Booths");
  const bookings = await listPartnerBookings(actor.userId, locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "America/Port_of_Spain" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t("bookingsTitle")}</h1>
      {bookings.length === 0 ? (
        <p>
          {t("noBookings")}{" "}
          <Link href="/partner/book" className="text-brand-700 underline">{t("navBook")}</Link>
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
          {bookings.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 p-4" data-testid="booking">
              <div>
                <p className="font-semibold">{t("bookingTitle", { code: b.boothCode })} · {tb(`sizes.${b.boothSize}`)}</p>
                <p>{t(`statuses.${b.status}`)}</p>
                <p className="text-sm text-slate-700">{t("requestedOn", { date: date.format(b.createdAt) })}</p>
              </div>
              <Link href={`/partner/bookings/${b.id}`} className="text-brand-700 underline">
                {t("view", { code: b.boothCode })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
