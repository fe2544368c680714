import "./globals.css";
import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "./components/i18n/ClientMessages";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { BODY_CLASS, SiteFrame } from "./components/SiteFrame";
import { inter } from "./fonts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("footer") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className={inter.variable}>
      <body className={BODY_CLASS}>
        <ClientMessages namespaces={[]}>
          <SiteFrame languageSwitch={<LanguageSwitch />}>{children}</SiteFrame>
        </ClientMessages>
      </body>
    </html>
  );
}
