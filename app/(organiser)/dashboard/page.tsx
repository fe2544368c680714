import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/app/components/SignOutButton";
import { getSession, ORGANISER_ROLES } from "@/lib/auth";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const session = await getSession();
  if (!session || !ORGANISER_ROLES.includes(session.role)) redirect("/login");
  const t = await getTranslations("Dashboard");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p>{t("welcome")}</p>
      <SignOutButton />
    </div>
  );
}
