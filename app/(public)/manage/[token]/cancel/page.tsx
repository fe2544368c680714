import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getManageView } from "@/lib/registrations/queries";
import { cancelAction } from "../../actions";
import { NothingHere } from "../NothingHere";

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
  const live = view?.walkers.filter((w) => w.status !== "CANCELLED") ?? [];
  const targets = walker === "all" ? live : live.filter((w) => w.id === walker);
  if (!view || targets.length === 0) {
    return <NothingHere token={token} />;
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("cancelTitle")}</h1>
      <p className="text-lg">{t("cancelWho", { names: targets.map((w) => `${w.firstName} ${w.lastName}`).join(", ") })}</p>
      <p>{t("cancelExplain")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <form action={cancelAction}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="walker" value={walker === "all" ? "all" : targets[0]!.id} />
          <button type="submit" className="rounded-lg bg-red-700 px-5 py-2 font-semibold text-white">
            {t("cancelConfirm")}
          </button>
        </form>
        <Link href={`/manage/${token}`} className="text-brand-700 underline">
          {t("cancelKeep")}
        </Link>
      </div>
    </div>
  );
}
