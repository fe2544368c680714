import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { readFormState } from "@/lib/registrations/form-cookie";
import { getRegistrationEvent } from "@/lib/registrations/queries";
import { MAX_WALKERS } from "@/lib/registrations/schema";
import { RegisterForm } from "./RegisterForm";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Register");
  return { title: t("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ walkers?: string; retry?: string }> }) {
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Register");
  const tEvent = await getTranslations("Event");
  const event = await getRegistrationEvent(locale);
  const query = await searchParams;
  const requested = Number(query.walkers);
  const walkerCount = Number.isInteger(requested) && requested >= 1 && requested <= MAX_WALKERS ? requested : 1;

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
                    event.registrationOpensAt,
                  ),
                })
              : tEvent(`state.${event.state}`)}
        </p>
      </div>
    );
  }

  const full = event.state === "full";
  // After an unsuccessful attempt (/register/submit sends the visitor back with ?retry=1), the form
  // shows it again: the errors and everything typed. A later plain visit starts afresh.
  const jar = await cookies();
  const state = query.retry === "1" ? readFormState((name) => jar.get(name)?.value) : null;
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
        key={walkerCount}
        state={state}
        submissionKey={randomBytes(18).toString("base64url")}
        walkerCount={walkerCount}
        waiverVersion={event.waiverVersion}
        full={full}
        defaultLanguage={locale === "es" ? "ES" : "EN"}
      />
    </div>
  );
}
