import { getTranslations } from "next-intl/server";
import { EmailFrame } from "@/app/components/EmailFrame";
import { previewTemplates } from "@/emails/preview";
import { organiserForPage } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("EmailPreview");
  return { title: t("title"), robots: { index: false } };
}

// The page shows only sample data, never a walker's; it is still for organisers only.
export default async function EmailPreviewPage() {
  await organiserForPage();
  const t = await getTranslations("EmailPreview");
  const previews = await previewTemplates();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      {previews.map((preview) => {
        const id = `${preview.template}-${preview.language}`;
        const language = preview.language === "ES" ? t("es") : t("en");
        return (
          <section key={id} aria-labelledby={id} className="space-y-3">
            <h2 id={id} className="text-xl font-semibold text-brand-800">
              {preview.template} · {language}
            </h2>
            <p>{t("subject", { subject: preview.subject })}</p>
            {preview.attachments.length > 0 && (
              <p>{t("attachments", { list: preview.attachments.map((a) => `${a.filename} (${a.contentType})`).join(", ") })}</p>
            )}
            <EmailFrame title={t("frameTitle", { template: preview.template, language })} html={preview.html} />
            <details className="rounded-lg bg-white p-4 shadow-sm">
              <summary className="cursor-pointer font-semibold">{t("textPart")}</summary>
              <pre className="mt-2 whitespace-pre-wrap text-sm">{preview.text}</pre>
            </details>
          </section>
        );
      })}
    </div>
  );
}
