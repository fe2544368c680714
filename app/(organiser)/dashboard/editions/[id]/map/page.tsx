import { getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { BOOTH_AREA } from "@/lib/booths/area";
import { getBoothLayout } from "@/lib/booths/layout";
import { editionForPage } from "../edition";
import { BoothMapEditor } from "./BoothMapEditor";

export const dynamic = "force-dynamic";

/** The edition's booth map: add, rename, move, resize and delete its booths. */
export default async function BoothMapPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const t = await getTranslations("Dashboard.map");
  const booths = await getBoothLayout(actor, edition.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro", { width: BOOTH_AREA.width, height: BOOTH_AREA.height })}</p>
      <BoothMapEditor editionId={edition.id} booths={booths} />
    </div>
  );
}
