import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LostLinkForm } from "./LostLinkForm";
import { ClientMessages } from "@/app/components/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LostLink");
  return { title: t("title") };
}

export default async function LostLinkPage() {
  const t = await getTranslations("LostLink");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p>{t("intro")}</p>
      <ClientMessages namespaces={["LostLink", "Register"]}><LostLinkForm /></ClientMessages>
    </div>
  );
}
