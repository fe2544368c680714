import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/auth";

export async function SignOutButton() {
  const t = await getTranslations("Auth");
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-brand-700 underline">
        {t("signOut")}
      </button>
    </form>
  );
}
