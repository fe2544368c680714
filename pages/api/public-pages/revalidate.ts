// Re-renders every public page rendered once for everyone (pages/public/), for this server's own
// actions (lib/public-pages-changed.ts). Only with the deployment's key; nothing else changes.
import type { NextApiRequest, NextApiResponse } from "next";
import { isRevalidationKey, REVALIDATE_HEADER } from "@/lib/public-pages-changed";
import { PUBLIC_PAGE_PATHS } from "@/lib/public-pages";

export const config = { api: { bodyParser: false } };

function answer(response: NextApiResponse, status: number, sentence?: string): void {
  response.setHeader("cache-control", "no-store");
  if (!sentence) return void response.status(status).end();
  response.setHeader("content-type", "text/plain; charset=utf-8");
  response.status(status).end(sentence);
}

export default async function revalidate(request: NextApiRequest, response: NextApiResponse): Promise<void> {
  if (request.method !== "POST") {
    response.setHeader("allow", "POST");
    return answer(response, 405, "This address only re-renders the public pages, for the site itself.");
  }
  if (!isRevalidationKey(request.headers[REVALIDATE_HEADER])) {
    return answer(response, 403, "Only the Fun Walk server itself can re-render the public pages.");
  }
  try {
    for (const path of PUBLIC_PAGE_PATHS) await response.revalidate(path);
    return answer(response, 204);
  } catch (error) {
    console.warn(`re-rendering the public pages failed: ${(error as Error).message}`);
    return answer(response, 502, "The public pages could not be re-rendered now; they follow within 10 seconds.");
  }
}
