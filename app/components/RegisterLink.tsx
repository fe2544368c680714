/**
 * A link to the sign-up page. /register is the Pages Router page (pages/register.tsx), so this is
 * a plain <a>: an App Router <Link> prefetches it as an RSC payload the Pages Router never answers,
 * and that request stays pending for as long as the page is open. The browser loads it as a page.
 */
export function RegisterLink({ className, children }: { className?: string; children: React.ReactNode }) {
  return (
    // eslint-disable-next-line @next/next/no-html-link-for-pages -- see above: a full page load is the point
    <a href="/register" className={className}>
      {children}
    </a>
  );
}
