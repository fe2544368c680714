import { getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { editionForPage } from "./edition";

export const dynamic = "force-dynamic";

/** One edition's overview: what it is, and (for a draft) publishing it. */
export default async function EditionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const t = await getTranslations("Dashboard.edition");
  return <p>{t(`statusHelp.${edition.status}`)}</p>;
}
