import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { partnerPageActor } from "@/app/(partner)/partner/(account)/partner-session";
import { getPartnerBooking } from "@/lib/booths/queries";
import { CancelForm } from "./CancelForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Partner");
  return { title: t("bookingsTitle") };
}

export default async function BookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await partnerPageActor();
  const { id } = await params;
  const locale = (await getLocale()) as "en" | "es";
  // Another organisation's booking is indistinguishable from one that does not exist.
  const booking = await getPartnerBooking(actor.userId, id, locale);
  if (!booking) notFound();
  const t = await getTranslations("Partner");
  const tb = await getTranslations("Booths");
  const requested = (await searchParams).requested === "1";
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "America/Port_of_Spain" });
  return (
    <div className="space-y-4">
      {requested && booking.status === "PENDING" && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900">{t("requested")}</p>
      )}
      <h1 className="text-2xl font-bold text-brand-800">{t("bookingTitle", { code: booking.boothCode })}</h1>
      <dl className="grid gap-3 rounded-lg bg-white p-6 shadow-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">{t("status")}</dt>
        <dd data-testid="booking-status">
          {t(`statuses.${booking.status}`)}
          {booking.status === "PENDING" && booking.holdExpiresAt && (
            <span className="block text-sm text-slate-700">{t("heldUntil", { date: date.format(booking.holdExpiresAt) })}</span>
          )}
        </dd>
        <dt className="font-semibold">{tb("size")}</dt>
        <dd>{tb(`sizes.${booking.boothSize}`)}, {booking.tentSupplied ? tb("tentSupplied") : tb("noTent")}</dd>
        <dt className="font-semibold">{t("addons")}</dt>
        <dd>
          {booking.addons.length === 0 ? t("noAddons") : (
            <ul>
              {booking.addons.map((a) => (
                <li key={a.name}>{a.quantity} × {a.name}</li>
              ))}
            </ul>
          )}
        </dd>
        {booking.rejectionReason && (
          <>
            <dt className="font-semibold">{t("reason")}</dt>
            <dd>{booking.rejectionReason}</dd>
          </>
        )}
        <dt className="font-semibold">{t("requestedAt")}</dt>
        <dd>{date.format(booking.createdAt)}</dd>
      </dl>
      <CancelForm bookingId={booking.id} canCancel={booking.status === "PENDING" || booking.status === "APPROVED"} />
    </div>
  );
}
