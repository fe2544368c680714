import { inlineCidImages } from "@/emails/render";

// An email's HTML shown inside a page. The frame is sandboxed without allow-same-origin, so the
// message lives in an opaque origin and cannot touch this page, its cookies or its storage; and
// its own Content-Security-Policy (default-src 'none') forbids every script and every remote
// load. allow-scripts is there only so that accessibility tooling can look inside the frame:
// the policy above still blocks the message's own scripts and event handlers.
const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`;

export function emailDocument(html: string, attachments?: Parameters<typeof inlineCidImages>[1]): string {
  const inlined = inlineCidImages(html, attachments);
  const head = /<head[^>]*>/i.exec(inlined);
  if (head) return inlined.slice(0, head.index + head[0].length) + policy + inlined.slice(head.index + head[0].length);
  return policy + inlined;
}

export function EmailFrame(props: {
  title: string;
  html: string;
  attachments?: Parameters<typeof inlineCidImages>[1];
  className?: string;
}) {
  return (
    <iframe
      title={props.title}
      sandbox="allow-scripts"
      srcDoc={emailDocument(props.html, props.attachments)}
      className={props.className ?? "h-[640px] w-full rounded-lg border border-slate-300 bg-white"}
    />
  );
}
