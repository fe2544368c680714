import { describe, expect, it } from "vitest";
import { templates } from "./index";
import { layout } from "./layout";
import { previewTemplates, sampleContext } from "./preview";
import { inlineCidImages } from "./render";

describe("every email template", async () => {
  const previews = await previewTemplates({ now: new Date("2026-05-01T12:00:00Z") });

  it("is previewed in English and Spanish", () => {
    expect(previews.map((p) => `${p.template}/${p.language}`)).toEqual(
      Object.keys(templates).flatMap((name) => [`${name}/EN`, `${name}/ES`]),
    );
  });

  for (const preview of previews) {
    describe(`${preview.template} in ${preview.language}`, () => {
      it("has a subject, an HTML part in the right language and a plain-text part", () => {
        expect(preview.subject.length).toBeGreaterThan(5);
        expect(preview.html).toContain(`<html lang="${preview.language === "ES" ? "es" : "en"}"`);
        expect(preview.html).toContain('role="presentation"');
        expect(preview.text.trim().length).toBeGreaterThan(20);
        expect(preview.text).not.toMatch(/<[a-z][^>]*>/i);
      });

      it("names the walk and its date in the recipient's language", () => {
        const expected =
          preview.language === "ES"
            ? ["Caminata Recreativa 5K del Día Mundial contra la Trata de Personas", "domingo, 2 de agosto de 2026"]
            : ["World Day Against Trafficking in Persons 5K Fun Walk", "Sunday, August 2, 2026"];
        for (const fact of expected) {
          expect(preview.html).toContain(fact);
          expect(preview.text).toContain(fact);
        }
      });

      it("links the privacy notice, in HTML and in plain text", () => {
        expect(preview.html).toMatch(/<a href="https?:\/\/[^"]+\/privacy"/);
        expect(preview.text).toMatch(/https?:\/\/\S+\/privacy/);
      });

      it("loads nothing from the network: no remote images, no tracking pixels, no scripts", () => {
        const sources = [...preview.html.matchAll(/<img[^>]*src="([^"]*)"/g)].map((m) => m[1]);
        for (const src of sources) expect(src).toMatch(/^(data:|cid:)/);
        expect(preview.html).not.toMatch(/<script|<link|url\(|background=/i);
      });
    });
  }

  it("differs between the two languages", () => {
    const bySubject = new Set(previews.map((p) => p.subject));
    expect(bySubject.size).toBe(previews.length);
  });
});

describe("layout", () => {
  const context = sampleContext("EN", "https://funwalk.example.org", new Date("2026-05-01T12:00:00Z"));

  it("escapes text, so a name cannot inject markup", () => {
    const { html, text } = layout({
      language: "EN",
      context,
      title: "Hello <b>x</b>",
      paragraphs: ['Dear <script>alert("x")</script> & co'],
      details: [{ label: "Ticket", value: "<FW-1>" }],
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(html).toContain("&lt;FW-1&gt;");
    expect(text).toContain("Ticket: <FW-1>");
  });

  it("refuses links that are not http(s) or mailto", () => {
    const { html } = layout({ language: "EN", context, title: "t", paragraphs: [], button: { label: "Go", url: "javascript:alert(1)" } });
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://funwalk.example.org"');
  });

  it("shows an inline image by content id, and the preview turns it into a data URL", () => {
    const { html } = layout({
      language: "ES",
      context,
      title: "t",
      paragraphs: ["p"],
      image: { cid: "qr@funwalk", alt: "Código QR", width: 200, height: 200 },
    });
    expect(html).toContain('src="cid:qr@funwalk" alt="Código QR"');
    const inlined = inlineCidImages(html, [{ cid: "qr@funwalk", contentType: "image/png", content: "iVBORw0KGgo=" }]);
    expect(inlined).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });
});
