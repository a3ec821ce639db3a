import type { ReactNode } from 'react';

/**
 * The catalogues' `<en>…</en>` tag, for `t.rich`: English quoted inside another language (what the
 * phone or Xiaomi shows only in English, such as “This device is locked”), marked so that a screen
 * reader reads it with English rules rather than the page's. Plain-text paths drop the tag instead
 * (lib/i18n/english-tag.ts). Only messages rendered with this may hold the tag
 * (tests/unit/english-tag.test.ts lists them).
 */
export const inEnglish = (chunks: ReactNode) => <span lang="en">{chunks}</span>;
