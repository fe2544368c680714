import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getPrivacyFacts } from "@/lib/privacy/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Privacy");
  return { title: t("title") };
}

/**
 * The privacy notice: what the app does with personal data, with the current walk's own numbers; or
 * the walk's own notice once an organiser saved one (plain text, line breaks kept).
 */
export default async function PrivacyPage() {
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Privacy");
  const facts = await getPrivacyFacts(locale);
  const header = (
    <header className="space-y-1">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("version", { version: facts.version })}</p>
    </header>
  );
  const lostLink = (
    <p>
      {t("rights.lost")}{" "}
      <a href="/lost-link" className="text-brand-700 underline">
        {t("rights.lostLink")}
      </a>
    </p>
  );
  if (facts.saved !== null) {
    return (
      <article className="space-y-6">
        {header}
        <div data-testid="privacy-text" className="whitespace-pre-line">{facts.saved}</div>
        {lostLink}
      </article>
    );
  }
  const date = facts.erasedOn
    ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: facts.timezone }).format(facts.erasedOn)
    : null;
  const section = "space-y-2";
  const heading = "text-xl font-semibold text-brand-800";
  return (
    <article className="space-y-6">
      {header}
      <p>{t("intro")}</p>
      <section aria-labelledby="privacy-who" className={section}>
        <h2 id="privacy-who" className={heading}>{t("who.heading")}</h2>
        <p>{facts.hosts ? t("who.hosts", { hosts: facts.hosts }) : t("who.noWalk")}</p>
        <p>
          {facts.contactEmail ? (
            <>
              {t("who.contact")}{" "}
              <a href={`mailto:${facts.contactEmail}`} className="text-brand-700 underline">
                {facts.contactEmail}
              </a>
            </>
          ) : (
            t("who.noContact")
          )}
        </p>
      </section>
      <section aria-labelledby="privacy-what" className={section}>
        <h2 id="privacy-what" className={heading}>{t("what.heading")}</h2>
        <ul className="list-disc space-y-1 pl-6">
          {(["identity", "contact", "age", "emergency", "access", "guardian", "choices"] as const).map((item) => (
            <li key={item}>{t(`what.${item}`)}</li>
          ))}
        </ul>
        <p>{t("what.why")}</p>
      </section>
      <section aria-labelledby="privacy-never" className={section}>
        <h2 id="privacy-never" className={heading}>{t("never.heading")}</h2>
        <p>{t("never.text")}</p>
      </section>
      <section aria-labelledby="privacy-sees" className={section}>
        <h2 id="privacy-sees" className={heading}>{t("sees.heading")}</h2>
        <p>{t("sees.organisers")}</p>
        <p>{t("sees.nobodyElse")}</p>
      </section>
      <section aria-labelledby="privacy-keep" className={section}>
        <h2 id="privacy-keep" className={heading}>{t("keep.heading")}</h2>
        <p data-testid="retention">
          {t("keep.days", { days: facts.retentionDays })} {date ? t("keep.date", { date }) : null}
        </p>
        <p>{t("keep.counts")}</p>
      </section>
      <section aria-labelledby="privacy-rights" className={section}>
        <h2 id="privacy-rights" className={heading}>{t("rights.heading")}</h2>
        <p>{t("rights.manage", { days: facts.retentionDays })}</p>
        {lostLink}
      </section>
    </article>
  );
}
