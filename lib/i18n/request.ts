// next-intl without locale prefixes: the language lives in a cookie (set by the language switch),
// falling back to the browser's Accept-Language. URLs stay the same in both languages. A page may
// ask for another language explicitly (`getTranslations({ locale, namespace })`): a group's own
// data is shown in the group's language, whatever the visitor's browser says.
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { isLocale, localeCookie, localeFromAcceptLanguage } from "./config";

export default getRequestConfig(async ({ locale: requested }) => {
  const chosen = isLocale(requested) ? requested : (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: "America/Port_of_Spain",
  };
});
