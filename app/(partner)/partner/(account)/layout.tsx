import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/components/i18n/ClientMessages";
import { SignOutButton } from "@/app/components/SignOutButton";
import { getSession } from "@/lib/auth";

export const dynamic = "force-dynamic";

export default async function PartnerLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["Partner"]}><PartnerFrame>{children}</PartnerFrame></ClientMessages>;
}

async function PartnerFrame({ children }: { children: React.ReactNode }) {
  // The proxy already sent strangers to the login page; pages (partnerPageActor) and actions
  // check again and redirect. A layout never redirects: after a client-side navigation that
  // leaves the browser's router in a request loop (lib/auth/guard.ts).
  const session = await getSession();
  if (!session || session.role !== "PARTNER") return <div className="space-y-6">{children}</div>;
  const t = await getTranslations("Partner");
  return (
    <div className="space-y-6">
      <nav aria-label={t("nav")} className="flex flex-wrap items-center gap-4 border-b border-slate-300 pb-3">
        <Link href="/partner/organisation" className="text-brand-700 underline">{t("navOrganisation")}</Link>
        <Link href="/partner/bookings" className="text-brand-700 underline">{t("navBookings")}</Link>
        <Link href="/partner/book" className="text-brand-700 underline">{t("navBook")}</Link>
        <span className="ml-auto">
          <SignOutButton />
        </span>
      </nav>
      {children}
    </div>
  );
}
