import type { ReactElement } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getGroupData } from "@/lib/registrations/queries";
import { DataDeleted } from "./DataDeleted";

/**
 * A manage link that opens nothing: a group whose data was deleted says that nothing is stored any
 * more; anything else (forged, altered, old, replaced) is a 404 (./not-found.tsx). Called from a
 * page's own function, so the status is set before anything is sent.
 */
export async function linkGone(token: string): Promise<ReactElement> {
  if ((await getGroupData(token))?.state === "erased") return <DataDeleted />;
  notFound();
}

/** A change asked for after the walk: the link still shows, downloads and deletes the data until the purge. */
export async function WalkOver({ token, erasedOn, timezone }: { token: string; erasedOn: Date; timezone: string }) {
  const t = await getTranslations("Manage");
  const date = new Intl.DateTimeFormat(await getLocale(), { dateStyle: "long", timeZone: timezone }).format(erasedOn);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("walkOverTitle")}</h1>
      <p>{t("walkOver", { date })}</p>
      <Link href={`/manage/${token}`} className="text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
