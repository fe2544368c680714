import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/app/components/SignOutButton";
import { organiserForPage } from "@/lib/auth/guard";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await organiserForPage();
  const t = await getTranslations("Dashboard.nav");
  const links = [
    ["/dashboard", t("overview")],
    ["/dashboard/walkers", t("walkers")],
    ["/dashboard/booths", t("booths")],
    ["/dashboard/checkin", t("checkin")],
    ["/dashboard/emails", t("emails")],
    ["/dashboard/counter", t("counter")],
    ["/dashboard/settings", t("settings")],
    ["/dashboard/audit", t("audit")],
    ...(actor.role === "ADMIN" ? ([["/dashboard/organisers", t("organisers")]] as const) : []),
  ];
  return (
    <div className="space-y-6">
      <nav aria-label={t("label")} className="flex flex-wrap gap-2 border-b border-slate-300 pb-3">
        {links.map(([href, label]) => (
          <Link key={href} href={href} className="rounded px-3 py-1 text-brand-800 underline-offset-2 hover:bg-white hover:underline">
            {label}
          </Link>
        ))}
        <span className="ml-auto">
          <SignOutButton />
        </span>
      </nav>
      {children}
    </div>
  );
}
