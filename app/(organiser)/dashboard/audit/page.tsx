import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { auditFilterSchema, listAuditEntries } from "@/lib/audit/queries";

export const dynamic = "force-dynamic";

function show(value: unknown): string {
  return value === null || value === undefined ? "—" : JSON.stringify(value);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await organiserForPage();
  const locale = await getLocale();
  const t = await getTranslations("Dashboard");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = auditFilterSchema.parse(raw);
  const { entries, nextBefore } = await listAuditEntries(actor, filter);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "America/Port_of_Spain" });
  const older = new URLSearchParams();
  if (filter.action) older.set("action", filter.action);
  if (filter.entityType) older.set("entityType", filter.entityType);
  if (filter.actor) older.set("actor", filter.actor);
  if (nextBefore) older.set("before", nextBefore);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        {(
          [
            ["action", t("audit.action"), filter.action],
            ["entityType", t("audit.entityType"), filter.entityType],
            ["actor", t("audit.actor"), filter.actor],
          ] as const
        ).map(([name, label, value]) => (
          <div key={name}>
            <label htmlFor={`audit-${name}`} className="block text-sm font-medium">
              {label}
            </label>
            <input id={`audit-${name}`} name={name} defaultValue={value ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1" />
          </div>
        ))}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("audit.filter")}
        </button>
      </form>
      {entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-300">
              <tr>
                <th scope="col" className="p-2">{t("audit.when")}</th>
                <th scope="col" className="p-2">{t("audit.who")}</th>
                <th scope="col" className="p-2">{t("audit.action")}</th>
                <th scope="col" className="p-2">{t("audit.what")}</th>
                <th scope="col" className="p-2">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top">
                  <td className="p-2 whitespace-nowrap">{when.format(e.createdAt)}</td>
                  <td className="p-2">{e.actor?.email ?? (e.gatePass ? t("audit.gatePass", { label: e.gatePass.label }) : viaManageLink(e.after) ? t("audit.manageLink") : t("audit.system"))}</td>
                  <td className="p-2 font-mono">{e.action}</td>
                  <td className="p-2">
                    {e.entityType}
                    {e.entityId && <span className="block font-mono text-xs">{e.entityId}</span>}
                  </td>
                  <td className="p-2 font-mono text-xs break-all">
                    {show(e.before)} → {show(e.after)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore && (
        <Link href={`/dashboard/audit?${older.toString()}`} className="text-brand-700 underline">
          {t("audit.older")}
        </Link>
      )}
    </div>
  );
}

/** A change a walker made through their own manage link (lib/registrations/mutations.ts: auditActor). */
function viaManageLink(after: unknown): boolean {
  return typeof after === "object" && after !== null && (after as { via?: unknown }).via === "manage-link";
}
