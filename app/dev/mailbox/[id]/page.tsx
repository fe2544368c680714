import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmailFrame } from "@/app/components/EmailFrame";
import { devMailboxDir, devMailboxMessage } from "@/lib/mail/dev-mailbox";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("DevMailbox");
  return { title: t("title"), robots: { index: false } };
}

export default async function DevMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const dir = devMailboxDir();
  if (!dir) notFound();
  const { id } = await params;
  const message = devMailboxMessage(dir, id);
  if (!message) notFound();
  const t = await getTranslations("DevMailbox");
  const locale = await getLocale();
  const received = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "medium" });

  return (
    <article className="space-y-6">
      <Link href="/dev/mailbox" className="text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold text-brand-800">{message.subject || t("noSubject")}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-lg bg-white p-4 shadow-sm">
        <dt className="font-semibold">{t("from")}</dt>
        <dd>{message.from}</dd>
        <dt className="font-semibold">{t("to")}</dt>
        <dd>{message.envelopeTo.join(", ") || message.to}</dd>
        <dt className="font-semibold">{t("received")}</dt>
        <dd>
          <time dateTime={message.receivedAt}>{received.format(new Date(message.receivedAt))}</time>
        </dd>
      </dl>

      <section aria-labelledby="html-part" className="space-y-2">
        <h2 id="html-part" className="text-xl font-semibold">
          {t("htmlPart")}
        </h2>
        {message.html ? (
          <EmailFrame title={t("htmlFrameTitle")} html={message.html} attachments={message.attachments} />
        ) : (
          <p>{t("noHtml")}</p>
        )}
      </section>

      <section aria-labelledby="text-part" className="space-y-2">
        <h2 id="text-part" className="text-xl font-semibold">
          {t("textPart")}
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg bg-white p-4 text-sm shadow-sm" data-testid="text-part">
          {message.text}
        </pre>
      </section>

      {message.attachments.length > 0 && (
        <section aria-labelledby="attachments" className="space-y-2">
          <h2 id="attachments" className="text-xl font-semibold">
            {t("attachments")}
          </h2>
          <ul className="list-disc pl-6">
            {message.attachments.map((a, i) => (
              <li key={i}>{t("attachment", { name: a.filename ?? t("unnamed"), type: a.contentType, size: a.size })}</li>
            ))}
          </ul>
        </section>
      )}

      <details className="rounded-lg bg-white p-4 shadow-sm">
        <summary className="cursor-pointer font-semibold">{t("headers")}</summary>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 break-all text-sm">
          {Object.entries(message.headers).map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-mono">{name}</dt>
              <dd className="font-mono">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </article>
  );
}
