import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("Errors");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <a href="/" className="text-brand-700 underline">
        {t("backHome")}
      </a>
    </div>
  );
}
