import { getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getContent } from "@/lib/events/content";
import { editionForPage } from "../edition";
import { saveContentAction } from "./actions";
import { ContentForm } from "./ContentForm";

export const dynamic = "force-dynamic";

/** The edition's texts, English and Spanish side by side. */
export default async function ContentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const { status, contentVersion, contactEmail, ...texts } = await getContent(actor, edition.id);
  void status;
  const t = await getTranslations("Dashboard.content");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      <ContentForm
        action={saveContentAction.bind(null, edition.id)}
        initial={{ ...texts, contactEmail: contactEmail ?? "", version: String(contentVersion) }}
      />
    </section>
  );
}
