// The framework's ceiling for a Pages Router API route, the kind of route the sign-up form posts to
// (pages/api/register/submit.ts): a constant answer with no database and no session, measured by
// `npm run bench` next to the App Router's /api/ping. It reveals nothing and changes nothing.
import type { NextApiRequest, NextApiResponse } from "next";

export const config = { api: { bodyParser: false } };

export default function pingPages(_request: NextApiRequest, response: NextApiResponse): void {
  response.setHeader("content-type", "text/plain; charset=utf-8");
  response.setHeader("cache-control", "no-store");
  response.end("ok");
}
