import "server-only";
// Knowledge and resources to report trafficking, per edition: the signs to notice (one a line, in
// English and Spanish: Event.reportingSignsEn/Es) and the list of places to report to
// (ReportingResource), in the organisers' order. Entered by organisers only (the seed leaves the list
// empty); walkers see it on the home page, the ticket page and the confirmation email
// (lib/events/reporting-view.ts) once the list has a resource. Every change claims the edition's
// content version and writes its audit entry (lib/events/edition-list.ts).
import { z } from "zod";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { EditionNotFound, isUuid } from "./edition";
import { httpsUrlField, itemIdField, lineField, linesField, versionField, type FormInput, type moveItemSchema, type removeItemSchema } from "./edition-fields";
import { changeEditionList, changedFields, editionList } from "./edition-list";
import { reportingSelect, reportingView, type ReportingView } from "./reporting-view";

const MAX_SIGNS = 30;

/** Both languages or neither: an issue on the empty one. */
function bothLanguages(ctx: z.RefinementCtx, en: string, es: string, field: string) {
  if (en !== "" && es === "") ctx.addIssue({ code: "custom", path: [`${field}Es`], message: "needsSpanish" });
  if (es !== "" && en === "") ctx.addIssue({ code: "custom", path: [`${field}En`], message: "needsEnglish" });
}

const lineCount = (text: string) => text.split("\n").filter((line) => line.trim() !== "").length;

export const reportingSignsSchema = z
  .object({ version: versionField, signsEn: linesField(3000), signsEs: linesField(3000) })
  .superRefine((v, ctx) => {
    for (const field of ["signsEn", "signsEs"] as const)
      if (lineCount(v[field]) > MAX_SIGNS) ctx.addIssue({ code: "custom", path: [field], message: "tooManySigns" });
    bothLanguages(ctx, v.signsEn, v.signsEs, "signs");
  });

const phoneField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : ""),
  z
    .string()
    .refine((v) => v.length <= 30, "tooLong")
    .refine((v) => v === "" || (/^\+?[0-9][0-9 -]*$/.test(v) && (v.match(/[0-9]/g)?.length ?? 0) >= 3), "phoneInvalid")
    .transform((v) => (v === "" ? null : v)),
);

const resourceObject = z.object({
  version: versionField,
  nameEn: lineField(150, { required: true }),
  nameEs: lineField(150, { required: true }),
  phone: phoneField,
  url: httpsUrlField(500),
  hoursEn: lineField(150),
  hoursEs: lineField(150),
});
const resourceHours = (v: { hoursEn: string; hoursEs: string }, ctx: z.RefinementCtx) => bothLanguages(ctx, v.hoursEn, v.hoursEs, "hours");

export const addReportingResourceSchema = resourceObject.superRefine(resourceHours);
export const editReportingResourceSchema = resourceObject.extend({ itemId: itemIdField }).superRefine(resourceHours);

interface ResourceRow {
  id: string;
  eventId: string;
  nameEn: string;
  nameEs: string;
  phone: string | null;
  url: string | null;
  hoursEn: string;
  hoursEs: string;
  sortOrder: number;
}

const shown = (row: ResourceRow) => ({
  eventId: row.eventId,
  nameEn: row.nameEn,
  nameEs: row.nameEs,
  phone: row.phone,
  url: row.url,
  hoursEn: row.hoursEn,
  hoursEs: row.hoursEs,
  sortOrder: row.sortOrder,
});

/** The signs and the resources in order, as the editor shows them. */
export async function getReportingEditor(actor: Actor, eventId: string) {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(eventId)) throw new EditionNotFound();
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: reportingSelect,
  });
  if (!event) throw new EditionNotFound();
  return { signsEn: event.reportingSignsEn, signsEs: event.reportingSignsEs, resources: event.reportingResources };
}

/** How many resources the edition lists (the dashboard's overview asks for them while there are none). */
export async function countReportingResources(actor: Actor, eventId: string): Promise<number> {
  await assertOrganiser(db, actor.userId);
  return db.reportingResource.count({ where: { eventId } });
}

/** The walker's view of an edition's resources (the ticket page); null while there are none. */
export async function getReporting(eventId: string, locale: "en" | "es"): Promise<ReportingView | null> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: reportingSelect });
  return event && reportingView(event, locale);
}

/** Saves the signs to notice, both languages at once. */
export async function saveReportingSigns(actor: Actor, eventId: string, input: FormInput<typeof reportingSignsSchema>) {
  const data = reportingSignsSchema.parse(input);
  return changeEditionList(actor, eventId, data.version, async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { reportingSignsEn: true, reportingSignsEs: true } });
    const after = { reportingSignsEn: data.signsEn, reportingSignsEs: data.signsEs };
    await tx.event.update({ where: { id: eventId }, data: after });
    return { audit: { action: "event.resources.signs", entityType: "Event", entityId: eventId, ...changedFields(before, after) }, result: null };
  });
}

const resourceData = (data: z.output<typeof resourceObject>) => ({
  nameEn: data.nameEn,
  nameEs: data.nameEs,
  phone: data.phone,
  url: data.url,
  hoursEn: data.hoursEn,
  hoursEs: data.hoursEs,
});

const resources = editionList<ResourceRow>("ReportingResource", "event.resources", shown);

/** Adds a resource after the last one. */
export async function addReportingResource(actor: Actor, eventId: string, input: FormInput<typeof addReportingResourceSchema>) {
  const data = addReportingResourceSchema.parse(input);
  return resources.add(actor, eventId, data.version, (tx, sortOrder) => tx.reportingResource.create({ data: { eventId, ...resourceData(data), sortOrder } }));
}

/** Changes a resource's texts, phone or address. */
export async function editReportingResource(actor: Actor, eventId: string, input: FormInput<typeof editReportingResourceSchema>) {
  const data = editReportingResourceSchema.parse(input);
  return resources.edit(actor, eventId, data, (tx, before) => tx.reportingResource.update({ where: { id: before.id }, data: resourceData(data) }));
}

/** Swaps a resource with the one before or after it. */
export async function moveReportingResource(actor: Actor, eventId: string, input: FormInput<typeof moveItemSchema>) {
  return resources.move(actor, eventId, input);
}

/** Removes a resource. */
export async function removeReportingResource(actor: Actor, eventId: string, input: FormInput<typeof removeItemSchema>) {
  return resources.remove(actor, eventId, input);
}
