import 'server-only';

/**
 * `attachment` with the UTF-8 name per RFC 6266 / RFC 5987 (`filename*`) and an ASCII fallback
 * for old clients. Quotes, backslashes and control characters never reach the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_')
      .replace(/_{2,}/g, '_')
      .trim() || 'appeal.pdf';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
