import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/components/i18n/ClientMessages";
import { SignOutButton } from "@/app/components/SignOutButton";
import { organiserForLayout } from "@/lib/auth/guard";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["Dashboard", "Register"]}><DashboardFrame>{children}</DashboardFrame></ClientMessages>;
}

async function DashboardFrame({ children }: { children: React.ReactNode }) {
  // The page below checks the organiser and redirects; the layout only decides what to show.
  const organiser = await organiserForLayout();
  const t = await getTranslations("Dashboard.nav");
  if (!organiser) return <div className="space-y-6">{children}</div>;
  if (organiser.mustChangePassword) {
    // Every other page leads back to the password form until it is done: no navigation to offer.
    return (
      <div className="space-y-6">
        <div className="flex justify-end border-b border-slate-300 pb-3">
          <SignOutButton />
        </div>
        {children}
      </div>
    );
  }
  const { actor } = organiser;
  const links = [
    ["/dashboard", t("overview")],
    ["/dashboard/walkers", t("walkers")],
    ["/dashboard/booths", t("booths")],
    ["/dashboard/checkin", t("checkin")],
    ["/dashboard/emails", t("emails")],
    ["/dashboard/counter", t("counter")],
    ["/dashboard/gate", t("gate")],
    ["/dashboard/editions", t("editions")],
    ["/dashboard/settings", t("settings")],
    ["/dashboard/audit", t("audit")],
    ...(actor.role === "ADMIN" ? ([["/dashboard/organisers", t("organisers")]] as const) : []),
  ];
  return (
    <div className="space-y-6">
      <nav aria-label={t("label")} className="flex flex-wrap gap-2 border-b border-slate-300 pb-3">
        {links.map(([href, label]) => (
          // No prefetching: the overview refreshes itself every 5 s, and each refresh empties the
          // router's cache, so every link would prefetch its page again each time.
          <Link key={href} href={href} prefetch={false} className="rounded px-3 py-1 text-brand-800 underline-offset-2 hover:bg-white hover:underline">
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
