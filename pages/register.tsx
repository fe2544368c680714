// The sign-up page. It is the app's one Pages Router page, for one reason: it ships no JavaScript
// (`unstable_runtimeJS: false`), while every App Router page loads React and the Next.js runtime
// (about 150 kB gzip here). Walkers sign up on phones, often on prepaid data; the form is plain HTML
// posted to /api/register/submit (a Pages Router API route) and needs no script. Frame, form and messages are
// the same components as on every other page. docs/ARCHITECTURE.md explains the trade.
import type { GetServerSideProps } from "next";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import Head from "next/head";
import { RegisterForm } from "@/app/components/RegisterForm";
import { LanguageForms } from "@/app/components/LanguageForms";
import { SiteFrame } from "@/app/components/SiteFrame";
import type { RegisterPageProps } from "@/lib/registrations/register-page";
import { MAX_WALKERS } from "@/lib/registrations/schema";

// Typed loosely on purpose: Next 16's PageConfig type no longer lists the (still supported) flag.
export const config: Record<string, unknown> = { unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<RegisterPageProps> = async ({ req, query, resolvedUrl }) => {
  const { registerPageProps } = await import("@/lib/registrations/register-page");
  return { props: await registerPageProps(req, query, resolvedUrl) };
};

export default function RegisterPage(props: RegisterPageProps) {
  return (
    <NextIntlClientProvider locale={props.locale} messages={props.messages} timeZone="America/Port_of_Spain">
      <PageHead />
      <SiteFrame languageSwitch={<LanguageForms locale={props.locale} returnTo={props.path} />}>
        <RegisterBody {...props} />
      </SiteFrame>
    </NextIntlClientProvider>
  );
}

function PageHead() {
  const t = useTranslations("Register");
  const site = useTranslations("Site");
  return (
    <Head>
      <title>{`${t("title")} · ${site("name")}`}</title>
      <meta name="description" content={site("footer")} />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
    </Head>
  );
}

function RegisterBody({ locale, event, walkerCount, submissionKey, state }: RegisterPageProps) {
  const t = useTranslations("Register");
  const tEvent = useTranslations("Event");

  if (!event || event.state === "notYetOpen" || event.state === "closed" || event.state === "over") {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="text-lg">
          {!event
            ? t("notAvailable")
            : event.state === "notYetOpen"
              ? tEvent("state.notYetOpen", {
                  date: new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: event.timezone }).format(
                    new Date(event.registrationOpensAt),
                  ),
                })
              : tEvent(`state.${event.state as "closed" | "over"}`)}
        </p>
      </div>
    );
  }

  const full = event.state === "full";
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="text-lg">{event.name}</p>
        <p>{t("intro")}</p>
        {full && <p className="rounded-md border border-amber-600 bg-amber-50 p-3 font-medium">{t("fullNotice")}</p>}
      </header>

      {/* A plain GET form, so choosing the group size works with JavaScript off. */}
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="walkers" className="block font-medium">
            {t("walkersCount")}
          </label>
          <p id="walkers-hint" className="text-sm text-slate-700">
            {t("walkersCountHint")}
          </p>
          <select id="walkers" name="walkers" defaultValue={String(walkerCount)} aria-describedby="walkers-hint" className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2">
            {Array.from({ length: MAX_WALKERS }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-lg border border-brand-700 px-4 py-2 font-semibold text-brand-700">
          {t("walkersCountUpdate")}
        </button>
      </form>

      <RegisterForm
        state={state}
        submissionKey={submissionKey}
        walkerCount={walkerCount}
        waiverVersion={event.waiverVersion}
        waiverText={event.waiverText}
        privacyVersion={event.privacyVersion}
        retentionDays={event.retentionDays}
        full={full}
        defaultLanguage={locale === "es" ? "ES" : "EN"}
      />
    </div>
  );
}
