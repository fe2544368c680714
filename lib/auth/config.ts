import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { cookies } from "next/headers";
import { db } from "../db";
import { env } from "../env";
import type { Role } from "../generated/prisma/client";
import { localeCookie } from "../i18n/config";
import { verifyOrganiserPassword } from "./credentials";
import { AccountLocked } from "./errors";
import { logAuthError } from "./log";
import { sendMagicLinkEmail, smtpUrl } from "./magic-link";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; role: Role; email?: string | null; name?: string | null };
  }
}

export const CHECK_EMAIL_PATH = "/partner/login/check-email";

async function emailLanguage(): Promise<"EN" | "ES"> {
  try {
    return (await cookies()).get(localeCookie)?.value === "es" ? "ES" : "EN";
  } catch {
    return "EN";
  }
}

function config(): NextAuthConfig {
  const { AUTH_SECRET, MAIL_FROM } = env();
  return {
    secret: AUTH_SECRET,
    trustHost: true,
    adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
    // JWT sessions: the Credentials provider requires them. Roles are checked again in lib/.
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    logger: { error: logAuthError, warn() {}, debug() {} },
    pages: { signIn: "/partner/login", verifyRequest: CHECK_EMAIL_PATH, error: "/partner/login" },
    providers: [
      Nodemailer({
        server: smtpUrl(),
        from: MAIL_FROM,
        maxAge: 24 * 60 * 60,
        async sendVerificationRequest({ identifier, url, expires }) {
          await sendMagicLinkEmail(identifier, url, await emailLanguage(), expires);
        },
      }),
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password || password.length > 200) return null;
          const result = await verifyOrganiserPassword(email, password);
          if (!result.ok) {
            if (result.reason === "locked") throw new AccountLocked();
            return null;
          }
          return result.user;
        },
      }),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        // Sign-in links are for partners only: organisers sign in with their password. The refusal
        // looks the same as a sent link, so the form does not reveal which emails have accounts.
        if (account?.provider === "nodemailer" && email?.verificationRequest && user.email) {
          const existing = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { role: true } });
          if (existing && existing.role !== "PARTNER") return CHECK_EMAIL_PATH;
        }
        return true;
      },
      jwt({ token, user }) {
        if (user) {
          token.role = user.role ?? "PARTNER";
          if (user.id) token.sub = user.id;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? "";
        session.user.role = (token.role as Role | undefined) ?? "PARTNER";
        return session;
      },
    },
  };
}

export const { auth, handlers, signIn, signOut } = NextAuth(() => config());
