import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "./LoginForm";
import { ClientMessages } from "@/app/components/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth");
  return { title: t("organiserTitle") };
}

export default async function OrganiserLoginPage() {
  const t = await getTranslations("Auth");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t("organiserTitle")}</h1>
      <p>{t("organiserIntro")}</p>
      <ClientMessages namespaces={["Auth"]}><LoginForm /></ClientMessages>
      <Link href="/partner/login" className="text-brand-700 underline">
        {t("partnerLink")}
      </Link>
    </div>
  );
}
