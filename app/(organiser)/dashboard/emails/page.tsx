import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { getOverview } from "@/lib/dashboard/queries";
import { listEmails } from "@/lib/mail/queries";
import { emailStatuses } from "@/lib/mail/schema";
import { ReminderForm } from "./ReminderForm";
import { ResendButton } from "./ResendButton";

export const dynamic = "force-dynamic";

export default async function EmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, locale);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const status = emailStatuses.find((s) => s === raw.status);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(raw.page ?? "1", 10) || 1));
  const list = await listEmails(actor, { status, page });
  const overview = event ? await getOverview(actor, event.id) : null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "America/Port_of_Spain" });
  const pageLink = (n: number) => `/dashboard/emails?${new URLSearchParams({ ...(status ? { status } : {}), page: String(n) })}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("emails.title")}</h1>
        <Link href="/dashboard/emails/preview" className="text-brand-700 underline">
          {t("emails.preview")}
        </Link>
      </div>
      <nav aria-label={t("emails.filter")} className="flex flex-wrap gap-2">
        <Link href="/dashboard/emails" aria-current={!status ? "page" : undefined} className="rounded bg-white px-3 py-1 shadow-sm">
          {t("emails.all")}
        </Link>
        {emailStatuses.map((s) => (
          <Link key={s} href={`/dashboard/emails?status=${s}`} aria-current={status === s ? "page" : undefined} className="rounded bg-white px-3 py-1 shadow-sm">
            {t(`emails.status.${s}`)} ({list.counts[s]})
          </Link>
        ))}
      </nav>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="p-2">{t("emails.when")}</th>
              <th scope="col" className="p-2">{t("emails.to")}</th>
              <th scope="col" className="p-2">{t("emails.message")}</th>
              <th scope="col" className="p-2">{t("emails.statusLabel")}</th>
              <th scope="col" className="p-2">{t("emails.attempts")}</th>
              <th scope="col" className="p-2"><span className="sr-only">{t("emails.resend")}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((e) => (
              <tr key={e.id} className="border-b border-slate-100 align-top" data-testid="email-row">
                <td className="p-2 whitespace-nowrap">{when.format(e.createdAt)}</td>
                <td className="p-2">{e.toAddress}</td>
                <td className="p-2">
                  {e.subject ?? e.template}
                  <span className="block text-xs text-slate-700">{e.template} · {e.language}</span>
                </td>
                <td className="p-2">
                  {t(`emails.status.${e.status}`)}
                  {e.status === "FAILED" && e.lastError && <span className="block text-xs text-red-800">{e.lastError}</span>}
                  {e.status === "QUEUED" && e.attempts > 0 && e.lastError && (
                    <span className="block text-xs">{t("emails.retrying", { reason: e.lastError })}</span>
                  )}
                </td>
                <td className="p-2 tabular-nums">{e.attempts}</td>
                <td className="p-2">
                  {e.template !== "magic-link" && <ResendButton id={e.id} label={`${t("emails.resend")}: ${e.toAddress}`} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex gap-4">
        {list.page > 1 && <Link href={pageLink(list.page - 1)} className="text-brand-700 underline">{t("emails.newer")}</Link>}
        {list.page < list.pageCount && <Link href={pageLink(list.page + 1)} className="text-brand-700 underline">{t("emails.older")}</Link>}
      </div>

      {event && (
        <section aria-labelledby="reminder" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="reminder" className="text-lg font-semibold">
            {t("emails.reminder.title")}
          </h2>
          <p className="text-sm">{t("emails.reminder.intro")}</p>
          <ReminderForm recipients={overview?.confirmed ?? 0} />
        </section>
      )}
    </div>
  );
}
