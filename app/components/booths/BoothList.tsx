import Link from "next/link";
import { useTranslations } from "next-intl";
import type { BoothView } from "@/lib/booths/queries";

/** The same booths as the map, as a table: the list view for anyone who prefers it. */
export function BoothList({ booths, headingLevel = 2 }: { booths: BoothView[]; headingLevel?: 2 | 3 }) {
  const t = useTranslations("Booths");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // The organisers' price notes, in a column of their own once any booth has one.
  const notes = booths.some((booth) => booth.priceNote);
  return (
    <section aria-labelledby="booth-list" className="space-y-3">
      <Heading id="booth-list" className="text-xl font-semibold text-brand-800">
        {t("listTitle")}
      </Heading>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">{t("code")}</th>
              <th scope="col" className="p-2">{t("size")}</th>
              <th scope="col" className="p-2">{t("tent")}</th>
              {notes && <th scope="col" className="p-2">{t("priceNote")}</th>}
              <th scope="col" className="p-2">{t("stateHeader")}</th>
              <th scope="col" className="p-2">{t("action")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {booths.map((booth) => (
              <tr key={booth.id} id={`booth-${booth.code}`} data-state={booth.state}>
                <th scope="row" className="p-2 font-semibold">{booth.code}</th>
                <td className="p-2">{t(`sizes.${booth.size}`)}</td>
                <td className="p-2">{booth.tentSupplied ? t("tentSupplied") : t("noTent")}</td>
                {notes && <td className="p-2">{booth.priceNote}</td>}
                <td className="p-2">
                  <span aria-hidden="true">{t(`marks.${booth.state}`)} </span>
                  {t(`states.${booth.state}`)}
                </td>
                <td className="p-2">
                  {booth.state === "available" && (
                    <Link href={`/partner/book?booth=${encodeURIComponent(booth.code)}#request`} className="text-brand-700 underline">
                      {t("request", { code: booth.code })}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
