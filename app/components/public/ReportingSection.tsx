import { useTranslations } from "next-intl";
import type { ReportingView } from "@/lib/events/reporting-view";

/**
 * "Report suspected trafficking": the signs to notice and where to report, in the page's language.
 * On the walk's page (rendered once for everyone) and the ticket page; nothing while the edition has
 * no resource. Plain text only: the organisers' line breaks are kept, never HTML.
 */
export function ReportingSection({ reporting }: { reporting: Pick<ReportingView, "signs" | "resources"> | null }) {
  const t = useTranslations("Reporting");
  if (!reporting || reporting.resources.length === 0) return null;
  return (
    <section aria-labelledby="report-trafficking" className="space-y-4 rounded-lg border-l-4 border-accent-600 bg-white p-6 shadow-sm">
      <h2 id="report-trafficking" className="text-2xl font-semibold text-brand-800">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      {reporting.signs.length > 0 && (
        <div>
          <h3 className="text-lg font-semibold">{t("signs")}</h3>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {reporting.signs.map((sign, index) => (
              <li key={index}>{sign}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3 className="text-lg font-semibold">{t("where")}</h3>
        <ul className="mt-2 space-y-3">
          {reporting.resources.map((resource) => (
            <li key={resource.id}>
              <p className="font-semibold">{resource.name}</p>
              <dl className="text-slate-800">
                {resource.phone && resource.tel && (
                  <div className="flex gap-2">
                    <dt>{t("phone")}:</dt>
                    <dd>
                      <a href={resource.tel} className="text-brand-700 underline">
                        {resource.phone}
                      </a>
                    </dd>
                  </div>
                )}
                {resource.url && (
                  <div className="flex gap-2">
                    <dt>{t("web")}:</dt>
                    <dd className="break-all">
                      <a href={resource.url} className="text-brand-700 underline" rel="noopener noreferrer" target="_blank">
                        {resource.url}
                      </a>
                    </dd>
                  </div>
                )}
                {resource.hours && (
                  <div className="flex gap-2">
                    <dt>{t("hours")}:</dt>
                    <dd>{resource.hours}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
