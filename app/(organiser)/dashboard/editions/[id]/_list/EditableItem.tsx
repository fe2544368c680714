import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms/action";
import { ListItemForm, type FieldRow, type ListNamespace } from "./ListItemForm";
import { OrderButtons } from "./OrderButtons";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

/**
 * One item of an edition's list in its editor: what it says (`children`), its move and remove
 * buttons, and its edit form behind "Edit" (a details element: opened with the keyboard too).
 */
export function EditableItem({
  children,
  namespace,
  eventId,
  version,
  itemId,
  name,
  first,
  last,
  arrange,
  edit,
  rows,
  initial,
}: {
  children: React.ReactNode;
  namespace: ListNamespace;
  eventId: string;
  version: number;
  itemId: string;
  /** The item as a person reads it, for the buttons' and the form's names. */
  name: string;
  first: boolean;
  last: boolean;
  arrange: Action;
  edit: Action;
  rows: FieldRow[];
  initial: Record<string, string>;
}) {
  const t = useTranslations(namespace);
  return (
    <li className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      {children}
      <OrderButtons action={arrange} namespace={namespace} eventId={eventId} itemId={itemId} version={version} name={name} first={first} last={last} />
      <details>
        <summary className="cursor-pointer text-brand-700 underline">
          {t("edit")}
          <span className="sr-only"> {name}</span>
        </summary>
        <div className="mt-3">
          <ListItemForm
            action={edit}
            namespace={namespace}
            scope={itemId}
            hidden={{ eventId, version, itemId }}
            rows={rows}
            initial={initial}
            submit="save"
            label={t("editLabel", { name })}
          />
        </div>
      </details>
    </li>
  );
}

/** The form that adds an item at the end of the list, under its heading ("Add an item"). */
export function AddItemSection({ namespace, action, hidden, rows }: { namespace: ListNamespace; action: Action; hidden: Record<string, string | number>; rows: FieldRow[] }) {
  const t = useTranslations(namespace);
  const id = `add-${namespace.split(".")[1]}`;
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id={id} className="text-xl font-semibold">
        {t("addTitle")}
      </h2>
      <ListItemForm action={action} namespace={namespace} scope="new" hidden={hidden} rows={rows} submit="addButton" label={t("addTitle")} />
    </section>
  );
}
