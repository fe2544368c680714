import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { locales } from "@/lib/i18n/config";
import { setLanguage } from "../actions/language";

/** A plain form per language, so switching works with JavaScript off too. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("Language");
  const returnTo = (await headers()).get("x-pathname") ?? "/";
  return (
    <nav aria-label={t("label")} className="flex gap-1">
      {locales.map((code) => (
        <form key={code} action={setLanguage}>
          <input type="hidden" name="locale" value={code} />
          <input type="hidden" name="returnTo" value={returnTo} />
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
