import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getLegalTextVersion, LegalTextNotFound } from "@/lib/events/legal-texts";
import { editionForPage } from "../../edition";
import { LegalTextColumns } from "../LegalTextColumns";

export const dynamic = "force-dynamic";

/** One saved version of the waiver or privacy notice, read-only; 404 for an id of no text of this edition. */
export default async function TextVersionPage({ params }: { params: Promise<{ id: string; textId: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const { textId } = await params;
  const text = await getLegalTextVersion(actor, edition.id, textId).catch((error: unknown) => {
    if (error instanceof LegalTextNotFound) notFound();
    throw error;
  });
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.texts");
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: edition.timezone });
  return (
    <div className="space-y-4">
      <p>
        <Link href={`/dashboard/editions/${edition.id}/texts`} prefetch={false} className="text-brand-800 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("versionTitle", { kind: t(`kinds.${text.kind}`), version: text.version })}</h1>
      <p>{t("versionSaved", { date: time.format(text.createdAt), by: text.by ?? t("unknownAuthor") })}</p>
      <LegalTextColumns bodyEn={text.bodyEn} bodyEs={text.bodyEs} />
    </div>
  );
}
