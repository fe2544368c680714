import { getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { mustChangePassword } from "@/lib/organisers/mutations";
import { PasswordForm } from "./PasswordForm";

export const dynamic = "force-dynamic";

export default async function PasswordPage() {
  const actor = await organiserForPage({ passwordPage: true });
  const t = await getTranslations("Dashboard.password");
  const required = await mustChangePassword(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {required && <p role="status">{t("required")}</p>}
      <PasswordForm />
    </div>
  );
}
