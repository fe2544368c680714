import { getTranslations } from "next-intl/server";

/** A text in English and Spanish side by side, read-only (plain text, line breaks kept). */
export async function LegalTextColumns({ bodyEn, bodyEs }: { bodyEn: string; bodyEs: string }) {
  const t = await getTranslations("Dashboard.texts");
  const columns = [
    [t("english"), "en", bodyEn],
    [t("spanish"), "es", bodyEs],
  ] as const;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {columns.map(([heading, lang, body]) => (
        <div key={lang} className="rounded border border-slate-300 bg-slate-50 p-3">
          <p className="font-semibold">{heading}</p>
          <div lang={lang} className="mt-1 whitespace-pre-line text-sm">
            {body}
          </div>
        </div>
      ))}
    </div>
  );
}
