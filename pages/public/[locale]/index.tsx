// The walk's page, in one language: /, /en and /es are served from it (next.config.ts: rewrites). A Pages Router page
// with incremental static regeneration (decision 008): rendered once and served to every visitor,
// re-rendered in the background once 5 s old and never served once 10 s old (next.config.ts:
// expireTime), re-rendered at once when an organiser or partner changes what it shows
// (lib/public-pages-revalidate.ts). It ships no JavaScript, like the sign-up page.
import type { GetStaticPaths, GetStaticProps } from "next";
import { EventHome } from "@/app/components/public/EventHome";
import { PublicFrame } from "@/app/components/public/PublicFrame";
import { isLocale } from "@/lib/i18n/config";
import type { HomePageProps } from "@/lib/public-pages";

// Typed loosely on purpose: Next 16's PageConfig type no longer lists the (still supported) flag.
export const config: Record<string, unknown> = { unstable_runtimeJS: false };

// Rendered on first visit, not at build time (the build has no database to read).
export const getStaticPaths: GetStaticPaths = () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<HomePageProps, { locale: string }> = async ({ params }) => {
  if (!isLocale(params?.locale)) return { notFound: true };
  const { homePageProps } = await import("@/lib/public-pages");
  return { props: await homePageProps(params.locale), revalidate: 5 };
};

export default function HomePage({ locale, messages, event, exhibitors }: HomePageProps) {
  return (
    <PublicFrame locale={locale} messages={messages} path="">
      <EventHome locale={locale} event={event} exhibitors={exhibitors} />
    </PublicFrame>
  );
}
