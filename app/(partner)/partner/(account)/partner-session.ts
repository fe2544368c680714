import "server-only";
import { redirect } from "next/navigation";
import { getSession, type Actor } from "@/lib/auth";

/** The signed-in partner for a page; anyone else goes to the partner login page. */
export async function partnerPageActor(): Promise<Actor> {
  const session = await getSession();
  if (!session || session.role !== "PARTNER") redirect("/partner/login");
  return session;
}
