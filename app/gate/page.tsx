import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/components/i18n/ClientMessages";
import { GateApp } from "./GateApp";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Gate");
  return { title: t("title"), manifest: "/gate/manifest.webmanifest" };
}

// The page's texts travel in its payload, which the service worker keeps: it opens offline in the
// language it was last opened in.
export default function GatePage() {
  return (
    <ClientMessages namespaces={["Gate", "Register"]}>
      <GateApp />
    </ClientMessages>
  );
}
