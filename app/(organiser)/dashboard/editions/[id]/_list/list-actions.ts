// The server actions of an edition's list editors (the programme, the reporting resources), made
// alike: add, edit, and move up / move down / remove. Each checks the organiser again, calls one lib
// function (one transaction with the version check and the audit entry), refreshes the editor and the
// dashboard's overview, and re-renders the public pages when the edition is the published one.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole, type Actor } from "@/lib/auth";
import { EditionChanged, EditionNotFound } from "@/lib/events/edition";
import { itemIdField, versionField } from "@/lib/events/edition-fields";
import { EditionItemNotFound, ItemAtEnd } from "@/lib/events/edition-list";
import { formAction, messagesOf, type FormState, type Translate } from "@/lib/forms/action";
import { publicPagesChanged } from "@/lib/public-pages-changed";

type Change = (actor: Actor, eventId: string, input: Record<string, string>) => Promise<{ published: boolean }>;

const eventIdField = { eventId: itemIdField };

const arrangeSchema = z.object({ ...eventIdField, itemId: itemIdField, version: versionField, op: z.enum(["up", "down", "remove"], { error: "stale" }) });

/** The sentence for a refusal every list change may meet; undefined for anything else. */
export function refuseListChange(error: unknown, t: Translate): FormState | undefined {
  if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
  if (error instanceof EditionChanged) return { message: t("changed") };
  if (error instanceof EditionNotFound) return { message: t("editionNotFound") };
  if (error instanceof EditionItemNotFound) return { message: t("notFound") };
  if (error instanceof ItemAtEnd) return { message: t("atEnd") };
}

/** After a change: the editor and the overview show it, and so do the public pages when it is the published edition. */
export async function listChanged(eventId: string, section: string, published: boolean): Promise<void> {
  revalidatePath(`/dashboard/editions/${eventId}/${section}`);
  revalidatePath("/dashboard");
  if (published) await publicPagesChanged();
}

export function listActions<A extends z.ZodType, E extends z.ZodType>(options: {
  namespace: "Dashboard.programme" | "Dashboard.resources";
  /** The editor's path under the edition: "programme", "resources". */
  section: string;
  addSchema: A;
  editSchema: E;
  add: Change;
  edit: Change;
  move: Change;
  remove: Change;
  /** The list's own refusals (a time outside the walk's day). */
  refuse?: (error: unknown, t: Translate) => FormState | undefined;
}) {
  const { namespace, section } = options;
  const refuse = (error: unknown, t: Translate) => options.refuse?.(error, t) ?? refuseListChange(error, t);
  const change = (schema: z.ZodType, run: Change, done: string, clear = false) =>
    formAction({
      schema: z.intersection(z.object(eventIdField), schema),
      translator: messagesOf(namespace),
      errorKey: (code) => `errors.${code}`,
      run: async (data, { values, t }) => {
        const actor = await requireRole(...ORGANISER_ROLES);
        const { eventId } = data as { eventId: string };
        const { published } = await run(actor, eventId, values);
        await listChanged(eventId, section, published);
        return { ok: true, message: t(done), ...(clear ? { values: {} } : {}) };
      },
      refuse,
    });
  const arrange = formAction({
    schema: arrangeSchema,
    translator: messagesOf(namespace),
    errorKey: (code) => `errors.${code}`,
    run: async ({ eventId, itemId, version, op }, { t }) => {
      const actor = await requireRole(...ORGANISER_ROLES);
      const input = { itemId, version: String(version) };
      const { published } =
        op === "remove" ? await options.remove(actor, eventId, input) : await options.move(actor, eventId, { ...input, direction: op });
      await listChanged(eventId, section, published);
      return { ok: true, message: t(op === "remove" ? "removed" : "moved") };
    },
    refuse,
  });
  return { add: change(options.addSchema, options.add, "added", true), edit: change(options.editSchema, options.edit, "saved"), arrange };
}
