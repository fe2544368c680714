import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { walkerFormValues } from "@/lib/registrations/schema";
import { getManageView } from "@/lib/registrations/queries";
import { EditWalkerForm } from "./EditWalkerForm";
import { NothingHere } from "../../NothingHere";
import { linkGone, WalkOver } from "../../LinkGone";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Manage");
  return { title: t("edit"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function EditWalkerPage({ params }: { params: Promise<{ token: string; walkerId: string }> }) {
  const { token, walkerId } = await params;
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Manage");
  const view = await getManageView(token, locale);
  if (!view) return linkGone(token);
  if (new Date() >= view.event.endsAt) return <WalkOver token={token} erasedOn={view.event.erasedOn} timezone={view.event.timezone} />;
  const walker = view.walkers.find((w) => w.id === walkerId && w.status !== "CANCELLED");
  if (!walker) {
    return <NothingHere token={token} />;
  }
  const initial = walkerFormValues(walker);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("editTitle", { name: `${walker.firstName} ${walker.lastName}` })}</h1>
      <EditWalkerForm token={token} walkerId={walker.id} initial={initial} />
    </div>
  );
}
