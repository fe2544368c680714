import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { acceptedTexts } from "@/lib/events/legal-texts";
import { getGroupData } from "@/lib/registrations/queries";
import { DataDeleted } from "../DataDeleted";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Manage.data");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * "Your data": everything stored about the group's walkers, field by field, with its download and
 * deletion, in the group's language (not the browser's: a group that signed up in Spanish reads
 * it in Spanish), its times in the walk's time zone. It works until the walk's data is erased.
 */
export default async function YourDataPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await getGroupData(token);
  if (!found) notFound();
  if (found.state === "erased") return <DataDeleted />;
  const { data } = found;
  const locale = data.group.language === "ES" ? "es" : "en";
  // The text of each version the walkers accepted (each walker keeps theirs when the walk's changes).
  const texts = await acceptedTexts(found.eventId, locale, {
    waiver: [...new Set(data.walkers.map((w) => w.waiverVersion))],
    privacy: [...new Set(data.walkers.flatMap((w) => (w.privacyVersion ? [w.privacyVersion] : [])))],
  });
  const t = await getTranslations({ locale, namespace: "Manage.data" });
  const tRegister = await getTranslations({ locale, namespace: "Register" });
  const tManage = await getTranslations({ locale, namespace: "Manage" });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: data.timezone });
  const yes = t("yes");
  const no = t("no");
  const none = t("none");
  const language = (l: "EN" | "ES") => (l === "ES" ? "Español" : "English");
  return (
    <div className="space-y-6" lang={locale}>
      <Link href={`/manage/${token}`} className="text-brand-700 underline">
        {tManage("back")}
      </Link>
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p>{t("intro", { walk: data.walk })}</p>
      <div className="flex flex-wrap gap-3">
        <a href={`/manage/${token}/data/download`} download className="rounded-md border border-brand-700 px-3 py-1 text-brand-700">
          {t("download")}
        </a>
        <Link href={`/manage/${token}/data/delete?walker=all`} className="rounded-md border border-red-700 px-3 py-1 text-red-800">
          {t("deleteAll")}
        </Link>
      </div>

      <section aria-labelledby="data-group" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="data-group" className="text-xl font-semibold">{t("group")}</h2>
        <Fields
          rows={[
            [tRegister("contactEmail"), data.group.contactEmail],
            [tRegister("language"), language(data.group.language)],
            [t("registeredAt"), time.format(data.group.registeredAt)],
          ]}
        />
      </section>

      {data.walkers.map((w) => (
        <section key={w.id} aria-labelledby={`data-${w.id}`} className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
          <h2 id={`data-${w.id}`} className="text-xl font-semibold">
            {w.firstName} {w.lastName}
          </h2>
          <Fields
            rows={[
              [tRegister("firstName"), w.firstName],
              [tRegister("lastName"), w.lastName],
              [t("email"), w.email],
              [t("phone"), w.phone ?? none],
              [tRegister("ageBand"), tRegister(`ageBands.${w.ageBand as "AGE_18_34"}`)],
              [t("tshirtSize"), w.tshirtSize ? tRegister(`tshirtSizes.${w.tshirtSize as "M"}`) : none],
              [tRegister("emergencyContactName"), w.emergencyContactName],
              [tRegister("emergencyContactPhone"), w.emergencyContactPhone],
              [t("accessibilityNeeds"), w.accessibilityNeeds ?? none],
              [tRegister("guardianName"), w.guardianName ?? none],
              [t("guardianConsent"), w.guardianConsent ? yes : no],
              [t("photoConsent"), w.photoConsent ? yes : no],
              [t("language"), language(w.language)],
              [t("waiver"), t("accepted", { version: w.waiverVersion, time: time.format(w.waiverAcceptedAt) })],
              [t("privacy"), w.privacyVersion ? t("acceptedVersion", { version: w.privacyVersion }) : none],
              [t("status"), t(`statuses.${w.status}`)],
              [tManage("ticketCode"), w.ticketCode],
              [t("registeredAt"), time.format(w.registeredAt)],
              [t("checkedInAt"), w.checkedInAt ? time.format(w.checkedInAt) : none],
            ]}
          />
          {!w.isGroupLeader && (
            <Link
              href={`/manage/${token}/data/delete?walker=${w.id}`}
              aria-label={`${t("deleteOne")}: ${w.firstName} ${w.lastName}`}
              className="inline-block rounded-md border border-red-700 px-3 py-1 text-red-800"
            >
              {t("deleteOne")}
            </Link>
          )}
        </section>
      ))}

      <section aria-labelledby="data-texts" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="data-texts" className="text-xl font-semibold">{t("texts")}</h2>
        {(["waiver", "privacy"] as const).flatMap((kind) =>
          [...texts[kind]].map(([version, text]) => (
            <details key={`${kind}-${version}`} data-testid={`accepted-${kind}`} className="rounded border border-slate-300 p-3">
              <summary className="cursor-pointer font-medium">{t(`textOf.${kind}`, { version })}</summary>
              <div className="mt-2 whitespace-pre-line text-sm">{text ?? t("textUnknown")}</div>
            </details>
          )),
        )}
      </section>

      <section aria-labelledby="data-emails" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="data-emails" className="text-xl font-semibold">{t("emails")}</h2>
        {data.emails.length === 0 ? (
          <p>{none}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {data.emails.map((email, i) => (
              <li key={i}>
                {t("emailLine", { subject: email.subject ?? t("notYetSent"), to: email.to, time: time.format(email.sentAt ?? email.createdAt) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Fields({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
