import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GateApp } from "./GateApp";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Gate");
  return { title: t("title"), manifest: "/gate/manifest.webmanifest" };
}

export default function GatePage() {
  return <GateApp />;
}
