import { useTranslations } from "next-intl";
import { locales } from "@/lib/i18n/config";

/**
 * A plain form per language posted to /language, so switching works with JavaScript off; used by
 * the App Router's LanguageSwitch and by the Pages Router sign-up page (which names the page to come
 * back to; without it /language goes back to the page the form was on).
 */
export function LanguageForms({ locale, returnTo }: { locale: string; returnTo?: string }) {
  const t = useTranslations("Language");
  return (
    <nav aria-label={t("label")} className="flex gap-1">
      {locales.map((code) => (
        <form key={code} method="post" action="/language">
          <input type="hidden" name="locale" value={code} />
          {returnTo !== undefined && <input type="hidden" name="returnTo" value={returnTo} />}
          <button
            type="submit"
            lang={code}
            aria-current={code === locale ? "true" : undefined}
            aria-label={code === locale ? t(code) : t("switchTo", { language: t(code) })}
            className={
              code === locale
                ? "rounded bg-white px-3 py-1 text-sm font-semibold text-brand-800"
                : "rounded px-3 py-1 text-sm text-white underline-offset-2 hover:underline"
            }
          >
            {t(code)}
          </button>
        </form>
      ))}
    </nav>
  );
}
