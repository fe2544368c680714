import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getReportingEditor } from "@/lib/events/reporting";
import { ListItemForm, type FieldRow } from "../_list/ListItemForm";
import { AddItemSection, EditableItem } from "../_list/EditableItem";
import { editionForPage } from "../edition";
import { addResourceAction, arrangeResourceAction, editResourceAction, saveSignsAction } from "./actions";

export const dynamic = "force-dynamic";

const signRows: FieldRow[] = [
  [
    { name: "signsEn", type: "textarea", maxLength: 3000 },
    { name: "signsEs", type: "textarea", maxLength: 3000 },
  ],
];

const resourceRows: FieldRow[] = [
  [
    { name: "nameEn", required: true, maxLength: 150 },
    { name: "nameEs", required: true, maxLength: 150 },
  ],
  { name: "phone", type: "tel", hint: "phone", maxLength: 30 },
  { name: "url", type: "url", hint: "url", maxLength: 500 },
  [
    { name: "hoursEn", hint: "hours", maxLength: 150 },
    { name: "hoursEs", maxLength: 150 },
  ],
];

/** The signs to notice and where to report suspected trafficking, for the home page, the ticket page and the confirmation email. */
export default async function ResourcesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await organiserForPage();
  const edition = await editionForPage(actor, params);
  const reporting = await getReportingEditor(actor, edition.id);
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard.resources");
  const hidden = { eventId: edition.id, version: edition.contentVersion };
  const { resources } = reporting;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>

      <section aria-labelledby="signs" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="signs" className="text-xl font-semibold">
          {t("signsTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("signsHint")}</p>
        <ListItemForm
          action={saveSignsAction}
          namespace="Dashboard.resources"
          scope="signs"
          hidden={hidden}
          rows={signRows}
          initial={{ signsEn: reporting.signsEn, signsEs: reporting.signsEs }}
          submit="saveSigns"
          label={t("signsTitle")}
        />
      </section>

      <section aria-labelledby="resources" className="space-y-3">
        <h2 id="resources" className="text-xl font-semibold">
          {t("listTitle")}
        </h2>
        {resources.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ol aria-label={t("listLabel")} className="space-y-3">
            {resources.map((resource, index) => {
              const name = locale === "es" ? resource.nameEs : resource.nameEn;
              return (
                <EditableItem
                  key={resource.id}
                  namespace="Dashboard.resources"
                  eventId={edition.id}
                  version={edition.contentVersion}
                  itemId={resource.id}
                  name={name}
                  first={index === 0}
                  last={index === resources.length - 1}
                  arrange={arrangeResourceAction}
                  edit={editResourceAction}
                  rows={resourceRows}
                  initial={{
                    nameEn: resource.nameEn,
                    nameEs: resource.nameEs,
                    phone: resource.phone ?? "",
                    url: resource.url ?? "",
                    hoursEn: resource.hoursEn,
                    hoursEs: resource.hoursEs,
                  }}
                >
                  <div className="grid gap-2 sm:grid-cols-2">
                    <div lang="en">
                      <p className="font-semibold">{resource.nameEn}</p>
                      {resource.hoursEn && <p className="text-sm">{resource.hoursEn}</p>}
                    </div>
                    <div lang="es">
                      <p className="font-semibold">{resource.nameEs}</p>
                      {resource.hoursEs && <p className="text-sm">{resource.hoursEs}</p>}
                    </div>
                  </div>
                  {(resource.phone || resource.url) && (
                    <p className="text-sm">
                      {resource.phone}
                      {resource.phone && resource.url && " · "}
                      {resource.url && <span className="break-all">{resource.url}</span>}
                    </p>
                  )}
                </EditableItem>
              );
            })}
          </ol>
        )}
      </section>

      <AddItemSection namespace="Dashboard.resources" action={addResourceAction} hidden={hidden} rows={resourceRows} />
    </div>
  );
}
