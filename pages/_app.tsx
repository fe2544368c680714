// The Pages Router's app shell, used only by the sign-up page (pages/register.tsx): the same fonts
// and styles as the App Router's root layout.
import "@fontsource-variable/inter";
import "../app/globals.css";
import type { AppProps } from "next/app";

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
