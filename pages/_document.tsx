import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";
import { BODY_CLASS } from "../app/components/SiteFrame";

export default function Document(props: DocumentProps) {
  const pageProps = (props.__NEXT_DATA__.props as { pageProps?: { locale?: unknown } } | undefined)?.pageProps;
  const locale = pageProps?.locale === "es" ? "es" : "en";
  return (
    <Html lang={locale}>
      <Head />
      <body className={BODY_CLASS}>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
