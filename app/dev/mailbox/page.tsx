import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { devMailboxDir, devMailboxMessages } from "@/lib/mail/dev-mailbox";
import { TestMessageForm } from "./TestMessageForm";
import { ClientMessages } from "@/app/components/i18n/ClientMessages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("DevMailbox");
  return { title: t("title"), robots: { index: false } };
}

export default async function DevMailboxPage() {
  const dir = devMailboxDir();
  if (!dir) notFound();
  const t = await getTranslations("DevMailbox");
  const locale = await getLocale();
  const messages = devMailboxMessages(dir);
  const received = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>

      <section aria-labelledby="messages-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="messages-heading" className="text-2xl font-semibold text-brand-800">
            {t("listHeading")}
          </h2>
          <p className="text-slate-700">{t("count", { count: messages.length })}</p>
          <Link href="/dev/mailbox" className="text-brand-700 underline">
            {t("refresh")}
          </Link>
        </div>
        {messages.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="p-3">
                    {t("received")}
                  </th>
                  <th scope="col" className="p-3">
                    {t("to")}
                  </th>
                  <th scope="col" className="p-3">
                    {t("subject")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {messages.map((message) => (
                  <tr key={message.id}>
                    <td className="whitespace-nowrap p-3 tabular-nums">
                      <time dateTime={message.receivedAt}>{received.format(new Date(message.receivedAt))}</time>
                    </td>
                    <td className="p-3">{message.envelopeTo.join(", ") || message.to}</td>
                    <td className="p-3">
                      <Link href={`/dev/mailbox/${message.id}`} className="text-brand-700 underline">
                        {message.subject || t("noSubject")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="send-heading" className="space-y-3">
        <h2 id="send-heading" className="text-2xl font-semibold text-brand-800">
          {t("send.heading")}
        </h2>
        <p>{t("send.help")}</p>
        <ClientMessages namespaces={["DevMailbox"]}><TestMessageForm defaultLanguage={locale === "es" ? "ES" : "EN"} /></ClientMessages>
      </section>
    </div>
  );
}
