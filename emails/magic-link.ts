// The partner's sign-in link. Bilingual: the recipient's language first, the other one below,
// because the link may be asked for before we know which language the partner reads.
import { escapeHtml } from "./format";
import type { Template } from "./types";

const copy = {
  EN: {
    subject: "Your Fun Walk partner sign-in link",
    intro: "Use this link to sign in to the Fun Walk partner pages and book an exhibition booth.",
    button: "Sign in",
    expiry: "The link works once and expires in 24 hours. If you did not ask for it, you can ignore this email.",
  },
  ES: {
    subject: "Su enlace de acceso para socios de la Caminata",
    intro: "Use este enlace para entrar en las páginas de socios de la Caminata y reservar un stand de exposición.",
    button: "Entrar",
    expiry: "El enlace sirve una sola vez y vence en 24 horas. Si no lo pidió, puede ignorar este correo.",
  },
} as const;

export const magicLink: Template<"magic-link"> = ({ url }, language) => {
  const order = language === "ES" ? (["ES", "EN"] as const) : (["EN", "ES"] as const);
  const first = copy[order[0]];
  const html = order
    .map((lang) => {
      const c = copy[lang];
      return `<div lang="${lang.toLowerCase()}" style="margin-bottom:32px"><p style="margin:0 0 16px">${escapeHtml(c.intro)}</p><p style="margin:24px 0"><a href="${escapeHtml(url)}" style="background:#0b4f8a;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(c.button)}</a></p><p style="margin:0;font-size:13px;color:#475569">${escapeHtml(c.expiry)}</p></div>`;
    })
    .join('<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0">');
  const text = order.map((lang) => `${copy[lang].intro}\n\n${url}\n\n${copy[lang].expiry}`).join("\n\n----\n\n");
  return {
    subject: `${first.subject} / ${copy[order[1]].subject}`,
    html: `<!doctype html><html lang="${order[0].toLowerCase()}"><body style="font-family:Arial,sans-serif;color:#0f172a;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${html}</body></html>`,
    text,
  };
};
