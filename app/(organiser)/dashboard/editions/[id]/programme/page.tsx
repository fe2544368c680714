import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { listProgramme } from "@/lib/events/programme";
import type { FieldRow } from "../_list/ListItemForm";
import { AddItemSection, EditableItem } from "../_list/EditableItem";
import { editionForPage } from "../edition";
import { addProgrammeItemAction, arrangeProgrammeItemAction, editProgrammeItemAction } from "./actions";

export const dynamic = "force-dynamic";

const rows: FieldRow[] = [
  { name: "time", type: "time", hint: "time", required: true },
  [
    { name: "titleEn", required: true, maxLength: 150 },
    { name: "titleEs", required: true, maxLength: 150 },
  ],
  { name: "speaker", hint: "speaker", maxLength: 120 },
];

/** The edition's programme: items in order, each editable, movable and removable, and a form to add one. */
export default async function ProgrammePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const items = await listProgramme(actor, edition.id);
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.programme");
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: edition.timezone }).format(edition.startsAt);
  const hidden = { eventId: edition.id, version: edition.contentVersion };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro", { day })}</p>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol aria-label={t("listLabel")} className="space-y-3">
          {items.map((item, index) => {
            const name = `${item.time} ${locale === "es" ? item.titleEs : item.titleEn}`;
            return (
              <EditableItem
                key={item.id}
                namespace="Dashboard.programme"
                eventId={edition.id}
                version={edition.contentVersion}
                itemId={item.id}
                name={name}
                first={index === 0}
                last={index === items.length - 1}
                arrange={arrangeProgrammeItemAction}
                edit={editProgrammeItemAction}
                rows={rows}
                initial={{ time: item.time, titleEn: item.titleEn, titleEs: item.titleEs, speaker: item.speaker ?? "" }}
              >
                <div className="flex flex-wrap gap-4">
                  <span className="w-16 shrink-0 font-semibold tabular-nums">{item.time}</span>
                  <div>
                    <p lang="en">{item.titleEn}</p>
                    <p lang="es">{item.titleEs}</p>
                    {item.speaker && <p className="text-sm text-slate-700">{item.speaker}</p>}
                  </div>
                </div>
              </EditableItem>
            );
          })}
        </ol>
      )}
      <AddItemSection namespace="Dashboard.programme" action={addProgrammeItemAction} hidden={hidden} rows={rows} />
    </div>
  );
}
