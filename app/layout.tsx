import Link from "next/link";
import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./components/LanguageSwitch";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("footer") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("Site");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <header className="bg-brand-800 text-white">
            <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <Link href="/" className="text-lg font-semibold">
                {t("name")}
              </Link>
              <LanguageSwitch />
            </div>
          </header>
          <main id="main" className="mx-auto max-w-4xl px-4 py-8">
            {children}
          </main>
          <footer className="mx-auto max-w-4xl px-4 pb-8 text-sm text-slate-700">
            <p>{t("privacy")}</p>
            <p className="mt-1">{t("footer")}</p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
