// The booth map, in one language: /booths, /en/booths and /es/booths are served from it (next.config.ts: rewrites).
// Rendered once for everyone like the walk's page (pages/public/[locale]/index.tsx says how).
import type { GetStaticPaths, GetStaticProps } from "next";
import { BoothsOverview } from "@/app/components/public/BoothsOverview";
import { PublicFrame } from "@/app/components/public/PublicFrame";
import { isLocale } from "@/lib/i18n/config";
import type { BoothsPageProps } from "@/lib/public-pages";

// Typed loosely on purpose: Next 16's PageConfig type no longer lists the (still supported) flag.
export const config: Record<string, unknown> = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<BoothsPageProps, { locale: string }> = async ({ params }) => {
  if (!isLocale(params?.locale)) return { notFound: true };
  const { boothsPageProps } = await import("@/lib/public-pages");
  return { props: await boothsPageProps(params.locale), revalidate: 5 };
};

export default function BoothsPage({ locale, messages, overview }: BoothsPageProps) {
  return (
    <PublicFrame locale={locale} messages={messages} path="/booths" title={(t) => t("Booths.title")}>
      <BoothsOverview overview={overview} />
    </PublicFrame>
  );
}
