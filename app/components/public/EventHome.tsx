import { useTranslations } from "next-intl";
import { Exhibitors } from "@/app/components/booths/Exhibitors";
import { RegisterLink } from "@/app/components/RegisterLink";
import { ReportingSection } from "@/app/components/public/ReportingSection";
import type { HomePageProps } from "@/lib/public-pages";

/**
 * The walk's page (pages/public/[locale]/index.tsx): rendered once per language for everyone, so
 * it reads nothing of the visitor. Links to App Router pages are plain links (full page loads).
 */
export function EventHome({ locale, event, exhibitors }: Pick<HomePageProps, "locale" | "event" | "exhibitors">) {
  const t = useTranslations("Event");
  if (!event) return <p>{t("none")}</p>;

  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: event.timezone,
  });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: event.timezone });
  const stateText = {
    notYetOpen: t("state.notYetOpen", { date: dateTime.format(new Date(event.registrationOpensAt)) }),
    open: t("state.open", { date: dateTime.format(new Date(event.registrationClosesAt)) }),
    full: t("state.full"),
    closed: t("state.closed"),
    over: t("state.over"),
  }[event.state];

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800 sm:text-4xl">{event.name}</h1>
        <p className="text-xl font-medium text-accent-600">
          <span className="sr-only">{t("theme")}: </span>
          {event.theme}
        </p>
        <p className="text-slate-700">{event.hosts}</p>
        {event.partners.length > 0 && (
          <p className="text-slate-700" data-testid="partners">
            {t("partners")}: {event.partners.join(", ")}
          </p>
        )}
      </header>

      {event.description && (
        <section aria-labelledby="about" className="space-y-2">
          <h2 id="about" className="text-2xl font-semibold text-brand-800">
            {t("description")}
          </h2>
          <p className="whitespace-pre-line text-lg">{event.description}</p>
        </section>
      )}

      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg bg-white p-4 shadow-sm">
          <dt className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("when")}</dt>
          <dd className="mt-1 text-lg">
            <time dateTime={event.startsAt}>{dateTime.format(new Date(event.startsAt))}</time>
          </dd>
        </div>
        <div className="rounded-lg bg-white p-4 shadow-sm">
          <dt className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("where")}</dt>
          <dd className="mt-1 text-lg">
            <span className="block font-semibold">{event.venueName}</span>
            {event.venueAddress}
            {event.mapUrl && (
              <>
                {" "}
                <a href={event.mapUrl} className="text-brand-700 underline" rel="noopener noreferrer" target="_blank">
                  {t("openMap")}
                </a>
              </>
            )}
          </dd>
        </div>
        {event.meetingPoint && (
          <div className="rounded-lg bg-white p-4 shadow-sm">
            <dt className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("meetingPoint")}</dt>
            <dd className="mt-1 whitespace-pre-line text-lg">{event.meetingPoint}</dd>
          </div>
        )}
        {event.whatToBring && (
          <div className="rounded-lg bg-white p-4 shadow-sm">
            <dt className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("whatToBring")}</dt>
            <dd className="mt-1 whitespace-pre-line text-lg">{event.whatToBring}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="registration" className="rounded-lg bg-white p-6 shadow-sm">
        <h2 id="registration" className="sr-only">
          {t("register")}
        </h2>
        <p className="text-lg">{stateText}</p>
        {(event.state === "open" || event.state === "full") && (
          <>
            <p className="mt-2 font-semibold" data-testid="places-left">
              {t("placesLeft", { count: event.placesLeft, capacity: event.capacity })}
            </p>
            <RegisterLink className="mt-4 inline-block rounded-lg bg-accent-600 px-6 py-3 text-lg font-semibold text-white hover:bg-red-800">
              {event.state === "open" ? t("register") : t("joinWaitingList")}
            </RegisterLink>
          </>
        )}
        {event.state !== "over" && (
          <p className="mt-4 text-sm">
            {t("alreadyRegistered")}{" "}
            <a href="/lost-link" className="text-brand-700 underline">
              {t("lostLink")}
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="programme">
        <h2 id="programme" className="text-2xl font-semibold text-brand-800">
          {t("programme")}
        </h2>
        <ol className="mt-3 divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
          {event.programme.map((item) => (
            <li key={item.id} className="flex gap-4 p-4">
              <time dateTime={item.startsAt} className="w-20 shrink-0 font-semibold tabular-nums">
                {time.format(new Date(item.startsAt))}
              </time>
              <span>
                {item.title}
                {item.speaker && <span className="block text-sm text-slate-700">{item.speaker}</span>}
              </span>
            </li>
          ))}
        </ol>
        <p className="mt-3">
          <a href="/booths" className="text-brand-700 underline">
            {t("booths")}
          </a>
        </p>
      </section>

      <ReportingSection reporting={event.reporting} />

      <Exhibitors exhibitors={exhibitors} />
    </article>
  );
}
