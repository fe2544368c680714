import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("Errors");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <a href="/" className="text-brand-700 underline">
        {t("backHome")}
      </a>
    </div>
  );
}
