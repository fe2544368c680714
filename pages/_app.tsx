// The Pages Router's app shell (the sign-up page and the public pages rendered once, pages/public/):
// the same styles and font as the App Router's root layout. The font's class goes on <html> in
// _document.tsx; its styles come with this shell (a font loader called only from _document is
// never sent to the browser).
import "../app/globals.css";
import "../app/fonts";
import type { AppProps } from "next/app";

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
