import { NextIntlClientProvider, useTranslations } from "next-intl";
import Head from "next/head";
import { LanguageForms } from "@/app/components/LanguageForms";
import { SiteFrame } from "@/app/components/SiteFrame";
import type { Locale } from "@/lib/i18n/config";
import { locales } from "@/lib/i18n/config";

/**
 * The frame of the public pages rendered once for everyone (pages/public/): messages, the page's
 * head (title, and its address in each language), the site frame. The language switch names no page:
 * /language sends the visitor back to the page it was posted from.
 */
export function PublicFrame({
  locale,
  messages,
  title,
  path,
  children,
}: {
  locale: Locale;
  messages: Record<string, unknown>;
  /** The page's own title; the walk's page has the site's name alone. */
  title?: (t: ReturnType<typeof useTranslations>) => string;
  /** The page's address without a language: "" for the walk's page, "/booths". */
  path: "" | "/booths";
  children: React.ReactNode;
}) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="America/Port_of_Spain">
      <PublicHead locale={locale} title={title} path={path} />
      <SiteFrame languageSwitch={<LanguageForms locale={locale} />}>{children}</SiteFrame>
    </NextIntlClientProvider>
  );
}

function PublicHead({ locale, title, path }: { locale: Locale; title?: (t: ReturnType<typeof useTranslations>) => string; path: string }) {
  const site = useTranslations("Site");
  const t = useTranslations();
  return (
    <Head>
      <title>{title ? `${title(t)} · ${site("name")}` : site("name")}</title>
      <meta name="description" content={site("footer")} />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {locales.map((other) => (
        <link key={other} rel="alternate" hrefLang={other} href={`/${other}${path}`} />
      ))}
      <meta property="og:locale" content={locale === "es" ? "es_TT" : "en_TT"} />
    </Head>
  );
}
