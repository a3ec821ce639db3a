import type { ReactNode } from 'react';

/**
 * A link that opens in a new tab, and says so to a screen reader (WCAG 3.2.5: a new window is a
 * change of context the user should hear about before it happens); sighted users see the new tab.
 * The words come as a prop (`form.opensInNewTab`), not from a hook: the start page has no
 * message provider in the browser, and its texts are formatted on the server.
 */
export function NewTabLink({ href, className, opensInNewTab, children }: { href: string; className?: string; opensInNewTab: string; children: ReactNode }) {
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> ({opensInNewTab})</span>
    </a>
  );
}
