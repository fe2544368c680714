import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { safeReturnPath } from "@/lib/i18n/return-path";
import { PartnerLoginForm } from "./PartnerLoginForm";
import { ClientMessages } from "@/app/components/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth");
  return { title: t("partnerTitle") };
}

export default async function PartnerLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("Auth");
  const params = await searchParams;
  const wanted = safeReturnPath(typeof params.callbackUrl === "string" ? params.callbackUrl : "/partner");
  const callbackUrl = wanted === "/partner" || wanted.startsWith("/partner/") ? wanted : "/partner";
  const linkProblem = typeof params.error === "string";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t("partnerTitle")}</h1>
      {linkProblem && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">{t("linkInvalid")}</p>
      )}
      <p>{t("partnerIntro")}</p>
      <ClientMessages namespaces={["Auth"]}><PartnerLoginForm callbackUrl={callbackUrl} /></ClientMessages>
      <Link href="/login" className="text-brand-700 underline">
        {t("organiserLink")}
      </Link>
    </div>
  );
}
