'use client';

import { useCallback } from 'react';

/**
 * A ref that points an <img> or <a> at a local Blob through an object URL, and revokes the URL
 * when the element goes away or the Blob changes, so previews of large photos do not pile up in
 * memory.
 */
export function useObjectUrlRef<E extends HTMLImageElement | HTMLAnchorElement>(blob: Blob | null) {
  return useCallback(
    (element: E | null) => {
      if (!element || !blob) return;
      const url = URL.createObjectURL(blob);
      if (element instanceof HTMLImageElement) element.src = url;
      else element.href = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
}
