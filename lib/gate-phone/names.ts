// Ticket codes and names as the phone compares them. Pure.
import type { GateWalker, StoredWalker } from "./types";

/** What a scanner or a person typed, as a ticket code: case, spaces and dashes do not matter (as on the dashboard). */
export function normaliseTicketCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** A name for searching: lower case, without accents ("Pérez" → "perez"). */
export function foldName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

export function toStored(walker: GateWalker): StoredWalker {
  return {
    ticketCode: walker.ticketCode,
    firstName: walker.firstName,
    lastName: walker.lastName,
    ageBand: walker.ageBand,
    tshirtSize: walker.tshirtSize,
    guardianName: walker.guardianName,
    status: walker.status,
    checkedIn: walker.checkedIn,
    firstFolded: foldName(walker.firstName),
    lastFolded: foldName(walker.lastName),
  };
}

export const MIN_SEARCH_LENGTH = 3;
export const MAX_SEARCH_RESULTS = 10;

/** The words of a search, folded; none when the search is shorter than three characters. */
export function searchWords(query: string): string[] {
  const folded = foldName(query);
  if (folded.replace(/\s/g, "").length < MIN_SEARCH_LENGTH) return [];
  return folded.split(/\s+/).filter(Boolean);
}

/** Every word of the search starts the first name, the last name, or a word inside either. */
export function matchesSearch(walker: Pick<StoredWalker, "firstFolded" | "lastFolded">, words: string[]): boolean {
  const parts = `${walker.firstFolded} ${walker.lastFolded}`.split(/[\s'-]+/);
  return words.length > 0 && words.every((word) => parts.some((part) => part.startsWith(word)) || walker.firstFolded.startsWith(word) || walker.lastFolded.startsWith(word));
}
