/**
 * Starts downloading a part of the form before it is needed. A failure is ignored here on purpose:
 * the part is imported again when it is used, and that import answers (the error boundary, or the
 * photo reader's own "could not be checked" message).
 */
export function prefetch(load: () => Promise<unknown>): void {
  load().catch(() => undefined);
}
