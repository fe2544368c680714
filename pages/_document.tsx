import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";
import { BODY_CLASS } from "../app/components/SiteFrame";
import { inter } from "../app/fonts";

export default function Document(props: DocumentProps) {
  const pageProps = (props.__NEXT_DATA__.props as { pageProps?: { locale?: unknown } } | undefined)?.pageProps;
  const locale = pageProps?.locale === "es" ? "es" : "en";
  return (
    <Html lang={locale} className={inter.variable}>
      {/* The App Router adds these from app/favicon.ico, app/icon.svg, app/apple-icon.png and
          app/manifest.ts; the Pages Router's sign-up page names the same files. */}
      <Head>
        <link rel="icon" href="/favicon.ico" sizes="48x48" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
        <link rel="apple-touch-icon" href="/apple-icon.png" />
        <link rel="manifest" href="/manifest.webmanifest" />
      </Head>
      <body className={BODY_CLASS}>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
