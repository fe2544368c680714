// next-intl without locale prefixes: the language lives in a cookie (set by the language switch),
// falling back to the browser's Accept-Language. URLs stay the same in both languages.
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { isLocale, localeCookie, localeFromAcceptLanguage } from "./config";

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: "America/Port_of_Spain",
  };
});
