import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { LanguageForms } from "./LanguageForms";

/** The language switch on App Router pages: the current language and the page to come back to. */
export async function LanguageSwitch() {
  const returnTo = (await headers()).get("x-pathname") ?? "/";
  return <LanguageForms locale={await getLocale()} returnTo={returnTo} />;
}
