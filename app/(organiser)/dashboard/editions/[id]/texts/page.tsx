import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getLegalTexts, LEGAL_KINDS, LEGAL_TEXT_MAX } from "@/lib/events/legal-texts";
import { editionForPage } from "../edition";
import { LegalTextColumns } from "./LegalTextColumns";
import { LegalTextForm } from "./LegalTextForm";

export const dynamic = "force-dynamic";

/**
 * The walk's waiver and privacy notice: the version walkers accept now (the built-in text until an
 * organiser saves one), a form that saves a new version in both languages, and every saved version.
 */
export default async function TextsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.texts");
  const texts = await getLegalTexts(actor, edition.id);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: edition.timezone });
  const base = `/dashboard/editions/${edition.id}/texts`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {LEGAL_KINDS.map((kind) => {
        const text = texts[kind];
        const id = `texts-${kind.toLowerCase()}`;
        const current = text.versions.find((v) => v.version === text.current);
        return (
          <section key={kind} aria-labelledby={id} className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
            <h2 id={id} className="text-xl font-semibold">
              {t(`kinds.${kind}`)}
            </h2>
            {current ? (
              <p data-testid={`${kind.toLowerCase()}-current`}>
                {t("currentSaved", { version: current.version, date: time.format(current.createdAt), by: current.by ?? t("unknownAuthor") })}
              </p>
            ) : (
              <>
                <p data-testid={`${kind.toLowerCase()}-current`}>{t("builtIn", { version: text.current })}</p>
                <LegalTextColumns bodyEn={text.bodyEn} bodyEs={text.bodyEs} />
                <p className="text-sm text-slate-700">{t("builtInEdit")}</p>
              </>
            )}
            {kind === "PRIVACY" && <p className="text-sm text-slate-700">{t("privacyHint")}</p>}
            <LegalTextForm
              eventId={edition.id}
              kind={kind}
              openedAt={text.current}
              initial={{ bodyEn: text.bodyEn, bodyEs: text.bodyEs }}
              max={LEGAL_TEXT_MAX[kind]}
            />
            <h3 className="text-lg font-semibold">{t("versions")}</h3>
            {text.versions.length === 0 ? (
              <p>{t("noVersions")}</p>
            ) : (
              <ul className="list-disc space-y-1 pl-6">
                {text.versions.map((v) => (
                  <li key={v.id}>
                    <Link href={`${base}/${v.id}`} prefetch={false} className="text-brand-800 underline">
                      {t("versionLink", { version: v.version })}
                    </Link>{" "}
                    {t("versionLine", { date: time.format(v.createdAt), by: v.by ?? t("unknownAuthor") })}
                    {v.version === text.current && <> {t("current")}</>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
