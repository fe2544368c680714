import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/roles";
import { EditionNotFound, getEdition, type EditionHeader } from "@/lib/events/edition";

/** The edition a walk-editor page is about (checked for the organiser); a 404 for an id that is none. */
export async function editionForPage(actor: Actor, params: Promise<{ id: string }>): Promise<EditionHeader> {
  const { id } = await params;
  try {
    return await getEdition(actor, id);
  } catch (error) {
    if (error instanceof EditionNotFound) notFound();
    throw error;
  }
}
