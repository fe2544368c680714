import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getGroupData } from "@/lib/registrations/queries";
import { deleteDataAction } from "../../../actions";
import { DataDeleted } from "../../DataDeleted";
import { ConfirmStep } from "../../ConfirmStep";

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
  const found = await getGroupData(token);
  if (!found) notFound();
  if (found.state === "erased") return <DataDeleted />;
  // In the group's language, as "Your data" is.
  const locale = found.data.group.language === "ES" ? "es" : "en";
  const t = await getTranslations({ locale, namespace: "Manage.data" });
  const one = found.data.walkers.find((w) => w.id === walker && !w.isGroupLeader);
  const targets = walker === "all" || !one ? found.data.walkers : [one];
  return (
    <div lang={locale}>
      <ConfirmStep
        title={t("confirmTitle")}
        who={t("confirmWho", { names: targets.map((w) => `${w.firstName} ${w.lastName}`).join(", ") })}
        explain={t("confirmExplain")}
        action={deleteDataAction}
        fields={{ token, walker: one && walker !== "all" ? one.id : "all" }}
        confirm={t("confirmDelete")}
        keep={{ href: `/manage/${token}/data`, label: t("confirmKeep") }}
      />
    </div>
  );
}
