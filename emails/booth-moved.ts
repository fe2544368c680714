// To the partner whose booth (pending or approved) the organisers moved or resized on the booth map
// editor (lib/booths/layout.ts): where the booth is now, and links to the booking and the map.
import { renderBoothEmail } from "./booth-booking";
import { emailTranslator } from "./i18n";
import type { Template } from "./types";

export const boothMoved: Template<"booth-moved"> = (p, l, context) => {
  const t = emailTranslator(l);
  const change = p.moved && p.resized ? "movedResized" : p.resized ? "resized" : "moved";
  const subject = t(`Email.boothMoved.subject.${change}`, { code: p.boothCode });
  return renderBoothEmail(p, l, context, subject, [
    t("Email.boothMoved.intro"),
    t("Email.boothMoved.place", { code: p.boothCode, x: p.mapX, y: p.mapY, width: p.mapWidth, height: p.mapHeight }),
    t("Email.boothMoved.map", { url: `${context.appUrl}/booths` }),
  ]);
};
