import { organiserForPage } from "@/lib/auth/guard";
import { SettingsSection } from "../../../settings/SettingsSection";
import { editionForPage } from "../edition";

export const dynamic = "force-dynamic";

/** An edition's dates and places (a draft's are set here before it is published). */
export default async function EditionSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  return <SettingsSection actor={actor} eventId={edition.id} />;
}
