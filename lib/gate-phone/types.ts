// What the gate phone keeps and what the gate API sends it (app/api/gate/*). Pure types: the phone's
// code runs in the browser and imports nothing from the server.

import type { GateWalker } from "../gate/contract";

export type { GateWalker, WalkerStatus } from "../gate/contract";
export type Sentence = { en: string; es: string };

/** A walker as IndexedDB keeps it: the list's fields and the names folded for the search indexes. */
export interface StoredWalker extends GateWalker {
  firstFolded: string;
  lastFolded: string;
}

export interface GateWalk {
  id: string;
  name: Sentence;
  startsAt: string;
  endsAt: string;
}

export interface GatePass {
  id: string;
  label: string;
  opensAt: string;
  closesAt: string;
}

export interface GateListResponse {
  walk: GateWalk;
  pass: GatePass;
  serverTime: string;
  cursor: string;
  full: boolean;
  walkers: GateWalker[];
  removed: string[];
}

/** A walk-up's details, typed at the gate; kept on the phone only until the server has answered. */
export interface WalkUpDetails {
  firstName: string;
  lastName: string;
  ageBand: string;
  tshirtSize: string | null;
  emergencyContactName: string;
  emergencyContactPhone: string;
  guardianName: string | null;
  guardianConsent: boolean;
  waiverAccepted: true;
  privacyAccepted: true;
}

/** What goes to POST /api/gate/sync, item by item. */
export type SyncPayload =
  | { id: string; kind: "checkin"; ticketCode: string; at: string }
  | { id: string; kind: "undo"; checkinId: string; at: string }
  | { id: string; kind: "walkup"; at: string; walker: WalkUpDetails };

export type Outcome = "checked_in" | "already" | "duplicate" | "undone" | "walkup_created";
export type RejectReason = "unknown" | "cancelled" | "waiting" | "other_walk" | "invalid" | "too_late" | "full";

export type SyncResult =
  | { id: string; ok: true; outcome: Outcome; ticketCode?: string }
  | { id: string; ok: false; reason: RejectReason; message: Sentence };

/**
 * pending: waits to be sent; sending: in an upload now; done: the server accepted it;
 * rejected: the server refused it (with its sentence).
 */
export type QueueState = "pending" | "sending" | "done" | "rejected";

export interface QueueItem {
  /** The item's id, made on the phone (crypto.randomUUID()): the server ignores a second copy. */
  id: string;
  kind: SyncPayload["kind"];
  /** Exactly what is sent; a walk-up's details are dropped once the server has answered. */
  payload: SyncPayload | null;
  /** When it happened, by the phone's clock (ISO). */
  at: string;
  state: QueueState;
  /** The ticket (a check-in, an undo's check-in, a walk-up once created): to show and to undo. */
  ticketCode?: string;
  /** A walk-up's name, to show in the list of answers. */
  name?: string;
  outcome?: Outcome;
  reason?: RejectReason;
  message?: Sentence;
}

export interface GateMeta {
  cursor: string | null;
  lastRefreshAt: string | null;
  pass: GatePass | null;
  walk: GateWalk | null;
}
