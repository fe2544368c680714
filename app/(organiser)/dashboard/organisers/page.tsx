import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { listOrganisers } from "@/lib/organisers/mutations";
import { NewOrganiserForm } from "./NewOrganiserForm";

export const dynamic = "force-dynamic";

export default async function OrganisersPage() {
  const actor = await organiserForPage();
  if (actor.role !== "ADMIN") forbidden();
  const t = await getTranslations("Dashboard.organisers");
  const locale = await getLocale();
  const organisers = await listOrganisers(actor);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="p-2">{t("emailLabel")}</th>
            <th scope="col" className="p-2">{t("nameLabel")}</th>
            <th scope="col" className="p-2">{t("roleLabel")}</th>
            <th scope="col" className="p-2">{t("since")}</th>
          </tr>
        </thead>
        <tbody>
          {organisers.map((o) => (
            <tr key={o.id} className="border-b border-slate-100">
              <td className="p-2">{o.email}</td>
              <td className="p-2">{o.name ?? "—"}</td>
              <td className="p-2">
                {t(`role.${o.role as "ORGANISER" | "ADMIN"}`)}
                {o.mustChangePassword && <span className="ml-2 text-xs">({t("pendingPassword")})</span>}
              </td>
              <td className="p-2">{date.format(o.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewOrganiserForm />
    </div>
  );
}
