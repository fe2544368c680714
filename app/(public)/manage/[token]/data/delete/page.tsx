import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getGroupData } from "@/lib/registrations/queries";
import { deleteDataAction } from "../../../actions";
import { DataDeleted } from "../../DataDeleted";
import { NothingHere } from "../../NothingHere";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Manage.data");
  return { title: t("confirmTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The confirmation step before deleting data: a plain form, so it works with JavaScript off. */
export default async function DeleteDataPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ walker?: string }>;
}) {
  const { token } = await params;
  const { walker = "all" } = await searchParams;
  const t = await getTranslations("Manage.data");
  const found = await getGroupData(token, (await getLocale()) as "en" | "es");
  if (!found) return <NothingHere token={token} />;
  if (found.state === "erased") return <DataDeleted />;
  const one = found.data.walkers.find((w) => w.id === walker && !w.isGroupLeader);
  const targets = walker === "all" || !one ? found.data.walkers : [one];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("confirmTitle")}</h1>
      <p className="text-lg">{t("confirmWho", { names: targets.map((w) => `${w.firstName} ${w.lastName}`).join(", ") })}</p>
      <p>{t("confirmExplain")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <form action={deleteDataAction}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="walker" value={one && walker !== "all" ? one.id : "all"} />
          <button type="submit" className="rounded-lg bg-red-700 px-5 py-2 font-semibold text-white">
            {t("confirmDelete")}
          </button>
        </form>
        <Link href={`/manage/${token}/data`} className="text-brand-700 underline">
          {t("confirmKeep")}
        </Link>
      </div>
    </div>
  );
}
