// The gate API's wire types, shared by the server (lib/gate/queries.ts) and the gate phone
// (lib/gate-phone/): pure types, no code, so the browser's bundle takes nothing from the server.

export type WalkerStatus = "CONFIRMED" | "WAITING" | "CANCELLED";

/** One walker as the list sends it: exactly what the gate needs, nothing else (no contact details). */
export interface GateWalker {
  ticketCode: string;
  firstName: string;
  lastName: string;
  ageBand: string;
  tshirtSize: string | null;
  guardianName: string | null;
  status: WalkerStatus;
  checkedIn: boolean;
}
