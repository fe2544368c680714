import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { BoothMap, bookingAnchor } from "@/app/components/booths/BoothMap";
import { listBookingRequests } from "@/lib/booths/organiser-queries";
import { getBoothOverview } from "@/lib/booths/queries";
import { ReassignForm } from "./ReassignForm";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { DecisionForm } from "./DecisionForm";

export const dynamic = "force-dynamic";

export default async function BoothQueuePage() {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, locale);
  if (!event) return <p>{t("noEvent")}</p>;
  const [{ pending, decided }, booths] = await Promise.all([listBookingRequests(actor, event.id, locale), getBoothOverview(locale)]);
  const freeBooths = (booths?.booths ?? []).filter((b) => b.state === "available").map((b) => b.code);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: event.timezone });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("booths.title")}</h1>
      <section aria-labelledby="pending" className="space-y-3">
        <h2 id="pending" className="text-lg font-semibold">
          {t("booths.pending", { count: pending.length })}
        </h2>
        {pending.length === 0 && <p>{t("booths.nonePending")}</p>}
        <ul className="space-y-3">
          {pending.map((b) => (
            <li key={b.id} id={bookingAnchor(b.booth.code)} className="rounded-lg bg-white p-4 shadow-sm">
              <h3 className="font-semibold">
                {t("booths.request", { booth: b.booth.code, organisation: b.organisation.name })}
              </h3>
              <p className="text-sm text-slate-700">
                {t(`booths.size.${b.booth.size}`)} · {b.booth.tentSupplied ? t("booths.tent") : t("booths.noTent")} ·{" "}
                {t("booths.holdUntil", { time: b.holdExpiresAt ? when.format(b.holdExpiresAt) : "—" })}
              </p>
              <p className="text-sm">
                {t("booths.contact", { name: b.organisation.contactName })}
                {b.addons.length > 0 && <> · {b.addons.map((a) => `${a.name} × ${a.quantity}`).join(", ")}</>}
              </p>
              {b.organisation.description && <p className="mt-1 text-sm italic">{b.organisation.description}</p>}
              <div className="mt-3 space-y-3">
                <DecisionForm bookingId={b.id} label={t("booths.request", { booth: b.booth.code, organisation: b.organisation.name })} />
                <ReassignForm bookingId={b.id} freeBooths={freeBooths} label={t("booths.moveLabel", { booth: b.booth.code, organisation: b.organisation.name })} />
              </div>
            </li>
          ))}
        </ul>
      </section>
      {booths && (
        <section aria-labelledby="site-map" className="space-y-2">
          <h2 id="site-map" className="text-lg font-semibold">
            {t("booths.siteMap")}
          </h2>
          <BoothMap booths={booths.booths} audience="organiser" />
        </section>
      )}
      <section aria-labelledby="decided">
        <h2 id="decided" className="text-lg font-semibold">
          {t("booths.decided")}
        </h2>
        <table className="mt-2 w-full rounded-lg bg-white text-left text-sm shadow-sm">
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="p-2">{t("booths.booth")}</th>
              <th scope="col" className="p-2">{t("booths.organisation")}</th>
              <th scope="col" className="p-2">{t("booths.status")}</th>
              <th scope="col" className="p-2">{t("booths.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {decided.map((b) => (
              <tr key={b.id} id={b.status === "APPROVED" ? bookingAnchor(b.booth.code) : undefined} className="border-b border-slate-100">
                <td className="p-2">{b.booth.code}</td>
                <td className="p-2">{b.organisation.name}</td>
                <td className="p-2">{t(`booths.statusName.${b.status}`)}</td>
                <td className="p-2">
                  {b.rejectionReason ?? "—"}
                  {b.status === "APPROVED" && (
                    <ReassignForm bookingId={b.id} freeBooths={freeBooths} label={t("booths.moveLabel", { booth: b.booth.code, organisation: b.organisation.name })} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
