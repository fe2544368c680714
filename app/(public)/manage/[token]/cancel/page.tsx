import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getManageView } from "@/lib/registrations/queries";
import { cancelAction } from "../../actions";
import { ConfirmStep } from "../ConfirmStep";
import { NothingHere } from "../NothingHere";
import { linkGone, WalkOver } from "../LinkGone";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Manage");
  return { title: t("cancelTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The confirmation step before a cancellation: a plain form, so it works with JavaScript off. */
export default async function CancelPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ walker?: string }>;
}) {
  const { token } = await params;
  const { walker = "all" } = await searchParams;
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Manage");
  const view = await getManageView(token, locale);
  if (!view) return linkGone(token);
  if (new Date() >= view.event.endsAt) return <WalkOver token={token} erasedOn={view.event.erasedOn} timezone={view.event.timezone} />;
  const live = view.walkers.filter((w) => w.status !== "CANCELLED");
  const targets = walker === "all" ? live : live.filter((w) => w.id === walker);
  if (targets.length === 0) {
    return <NothingHere token={token} />;
  }
  return (
    <ConfirmStep
      title={t("cancelTitle")}
      who={t("cancelWho", { names: targets.map((w) => `${w.firstName} ${w.lastName}`).join(", ") })}
      explain={t("cancelExplain")}
      action={cancelAction}
      fields={{ token, walker: walker === "all" ? "all" : targets[0]!.id }}
      confirm={t("cancelConfirm")}
      keep={{ href: `/manage/${token}`, label: t("cancelKeep") }}
    />
  );
}
