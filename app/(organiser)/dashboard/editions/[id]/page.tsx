import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { listEditions } from "@/lib/events/editions";
import { PublishForm } from "../EditionForms";
import { editionForPage } from "./edition";

export const dynamic = "force-dynamic";

/** One edition's overview: what it is, its counts, and (for a draft) publishing it. */
export default async function EditionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.edition");
  const row = (await listEditions(actor, { id: edition.id }))[0]!;
  const number = new Intl.NumberFormat(locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: edition.timezone });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("overviewTitle")}</h1>
      <p>{t(`statusHelp.${edition.status}`)}</p>
      <dl className="grid max-w-xl grid-cols-2 gap-2 rounded-lg bg-white p-4 shadow-sm">
        <dt className="font-medium">{t("starts")}</dt>
        <dd>{when.format(edition.startsAt)}</dd>
        <dt className="font-medium">{t("columns.confirmed")}</dt>
        <dd>{number.format(row.confirmed)}</dd>
        <dt className="font-medium">{t("columns.checkedIn")}</dt>
        <dd>{number.format(row.checkedIn)}</dd>
        <dt className="font-medium">{t("columns.booths")}</dt>
        <dd>{number.format(row.approvedBooths)}</dd>
      </dl>
      {edition.status === "DRAFT" && <PublishForm editionId={edition.id} />}
    </div>
  );
}
