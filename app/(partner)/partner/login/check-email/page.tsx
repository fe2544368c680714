import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth");
  return { title: t("checkEmailTitle") };
}

export default async function CheckEmailPage() {
  const t = await getTranslations("Auth");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t("checkEmailTitle")}</h1>
      <p>{t("checkEmailBody")}</p>
      <p>{t("checkEmailSpam")}</p>
      <Link href="/partner/login" className="text-brand-700 underline">
        {t("askAgain")}
      </Link>
    </div>
  );
}
