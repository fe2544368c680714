import { useTranslations } from "next-intl";

/**
 * Every page's frame: the skip link, the header with the language switch, the main region and the
 * footer. Used by the root layout and by the Pages Router pages (the sign-up page and the public pages
 * rendered once for everyone, pages/public/). The walk's page is a Pages Router page, so the link to it
 * is a plain link: an App Router <Link> would prefetch it as an RSC payload the Pages Router never answers.
 */
export function SiteFrame({ languageSwitch, children }: { languageSwitch: React.ReactNode; children: React.ReactNode }) {
  const t = useTranslations("Site");
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <a href="/" className="text-lg font-semibold">
            {t("name")}
          </a>
          {languageSwitch}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-4xl px-4 pb-8 text-sm text-slate-700">
        <p>
          {t("privacy")}{" "}
          <a href="/privacy" className="text-brand-700 underline">
            {t("privacyLink")}
          </a>
        </p>
        <p className="mt-1">{t("footer")}</p>
      </footer>
    </>
  );
}

/** The body's classes, shared by the root layout and pages/_document.tsx. */
export const BODY_CLASS = "min-h-screen bg-slate-50 text-slate-900 antialiased";
