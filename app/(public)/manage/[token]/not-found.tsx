import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * What a forged, altered, old or replaced manage link answers, on the manage page and every page
 * under it: 404 with one sentence, the same whether or not a registration exists.
 */
export default async function ManageLinkNotFound() {
  const t = await getTranslations("Manage");
  const tLost = await getTranslations("LostLink");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("invalidTitle")}</h1>
      <p>{t("invalidBody")}</p>
      <Link href="/lost-link" className="text-brand-700 underline">
        {tLost("title")}
      </Link>
    </div>
  );
}
