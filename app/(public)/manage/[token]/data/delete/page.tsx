import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getGroupData } from "@/lib/registrations/queries";
import { deleteDataAction } from "../../../actions";
import { DataDeleted } from "../../DataDeleted";
import { ConfirmStep } from "../../ConfirmStep";
import { NothingHere } from "../../NothingHere";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Manage.data");
  return { title: t("confirmTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The confirmation step before deleting data. */
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
    <ConfirmStep
      title={t("confirmTitle")}
      who={t("confirmWho", { names: targets.map((w) => `${w.firstName} ${w.lastName}`).join(", ") })}
      explain={t("confirmExplain")}
      action={deleteDataAction}
      fields={{ token, walker: one && walker !== "all" ? one.id : "all" }}
      confirm={t("confirmDelete")}
      keep={{ href: `/manage/${token}/data`, label: t("confirmKeep") }}
    />
  );
}
