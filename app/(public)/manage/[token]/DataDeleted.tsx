import { getTranslations } from "next-intl/server";

/** What a manage link answers once its group's personal data is deleted: nothing is stored any more. */
export async function DataDeleted() {
  const t = await getTranslations("Manage.data");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("deletedTitle")}</h1>
      <p>{t("deletedBody")}</p>
      <p>
        <a href="/privacy" className="text-brand-700 underline">
          {t("privacyNotice")}
        </a>
      </p>
    </div>
  );
}
