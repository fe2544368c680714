import { useTranslations } from "next-intl";
import type { Exhibitor } from "@/lib/booths/queries";

/** Approved exhibitors who chose to be listed; nothing at all while there are none. */
export function Exhibitors({ exhibitors }: { exhibitors: Exhibitor[] }) {
  const t = useTranslations("Exhibitors");
  const tp = useTranslations("Partner");
  if (exhibitors.length === 0) return null;
  return (
    <section aria-labelledby="exhibitors">
      <h2 id="exhibitors" className="text-2xl font-semibold text-brand-800">
        {t("title")}
      </h2>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
        {exhibitors.map((e) => (
          <li key={e.id} className="p-4">
            <p className="font-semibold">{e.name}</p>
            <p className="text-sm text-slate-700">
              {tp(`categories.${e.category}`)} · {t("booth", { count: e.boothCodes.length, codes: e.boothCodes.join(", ") })}
            </p>
            {e.description && <p className="mt-1">{e.description}</p>}
            {e.website && (
              <a href={e.website} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                {e.website.replace(/^https?:\/\//, "")}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
