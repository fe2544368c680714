import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A manage sub-page whose link or walker is not (or no longer) valid: the way back to the manage page. */
export async function NothingHere({ token }: { token: string }) {
  const t = await getTranslations("Manage");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("invalidTitle")}</h1>
      <Link href={`/manage/${token}`} className="text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
