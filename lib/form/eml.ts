/**
 * The appeal as an unsent e-mail (.eml) with the evidence PDF attached. Opening it in Outlook or
 * Thunderbird shows a draft ready to send (`X-Unsent: 1`), which a mailto: link cannot do because
 * it carries no attachment. Built with mimetext, which encodes a non-ASCII subject or name as one
 * RFC 2047 encoded word of any length: the header blocks are folded afterwards (`foldHeaderBlocks`).
 * A header input with a line break is refused, not cleaned: the form never sends one, so one
 * arriving here is a bug that must not become an injected `Bcc:`.
 */
export type EmlInput = {
  from: string;
  to: string;
  subject: string;
  body: string;
  attachment: { fileName: string; bytes: Uint8Array };
};

export async function buildEml(input: EmlInput): Promise<string> {
  for (const [name, value] of [['From', input.from], ['To', input.to], ['Subject', input.subject]] as const) assertOneLine(name, value);
  const { createMimeMessage } = await import('mimetext/browser');
  const message = createMimeMessage();
  message.setSender(input.from);
  message.setTo(input.to);
  message.setSubject(input.subject);
  message.setHeader('X-Unsent', '1');
  // mimetext writes text parts as they are; base64 keeps Cyrillic intact through any mail relay.
  message.addMessage({
    contentType: 'text/plain',
    charset: 'UTF-8',
    encoding: 'base64',
    data: wrapBase64(bytesToBase64(new TextEncoder().encode(input.body.replace(/\r?\n/g, '\r\n')))),
  });
  message.addAttachment({
    filename: asciiFileName(input.attachment.fileName),
    contentType: 'application/pdf',
    encoding: 'base64',
    data: wrapBase64(bytesToBase64(input.attachment.bytes)),
  });
  return foldHeaderBlocks(message.asRaw());
}

/**
 * Folds the message's header block and each part's (the attachment's Content-Disposition with its
 * file name runs past 78 characters too). A part's headers follow a boundary line, `--` and the
 * boundary; the bodies are base64, which never starts a line with `--`. A single parameter longer
 * than a line (a lock code's long file name) stays whole: RFC 5322 allows 998 characters, and
 * RFC 2231 continuations are read wrongly by common mail programs.
 */
function foldHeaderBlocks(raw: string): string {
  const lines = raw.split('\r\n');
  const out: string[] = [];
  let block: string[] | null = [];
  for (const line of lines) {
    if (block) {
      if (line !== '') {
        block.push(line);
        continue;
      }
      out.push(foldHeaders(block.join('\r\n')), '');
      block = null;
      continue;
    }
    out.push(line);
    // A boundary that opens a part (not the closing `--boundary--`): that part's headers follow.
    if (/^--\S+$/.test(line) && !line.endsWith('--')) block = [];
  }
  if (block && block.length > 0) out.push(foldHeaders(block.join('\r\n')));
  return out.join('\r\n');
}

function assertOneLine(name: string, value: string): void {
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new TypeError(`The ${name} header input holds a line break or control character`);
}

/** RFC 5322 lines should stay within 78 characters; 76 leaves room as RFC 2047 asks of encoded words. */
const MAX_LINE = 76;
/** UTF-8 bytes per encoded word: 39 bytes are 52 base64 characters, 64 with `=?utf-8?B?` and `?=`. */
const WORD_BYTES = 39;
const ENCODED_WORD = /=\?utf-8\?B\?([A-Za-z0-9+/=]*)\?=/gi;

/**
 * Splits each encoded word into words of at most 64 characters (RFC 2047 allows 75), each a whole
 * number of characters, then folds every header line longer than 76 characters at its spaces.
 */
function foldHeaders(block: string): string {
  return block
    .split('\r\n')
    .map((line) => (line.length <= MAX_LINE ? line : foldLine(line.replace(ENCODED_WORD, (_, base64: string) => splitEncodedWord(base64)))))
    .join('\r\n');
}

function splitEncodedWord(base64: string): string {
  const text = new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
  const encoder = new TextEncoder();
  const words: number[][] = [];
  const chunk: number[] = [];
  for (const char of text) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > WORD_BYTES) {
      words.push(chunk.splice(0));
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(chunk.splice(0));
  return words.map((bytes) => `=?utf-8?B?${bytesToBase64(Uint8Array.from(bytes))}?=`).join(' ');
}

/** Folds at spaces (whitespace between encoded words is not displayed, RFC 2047 section 6.2). */
function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  for (const token of line.split(' ')) {
    if (current !== '' && (lines.length === 0 ? 0 : 1) + current.length + 1 + token.length > MAX_LINE) {
      lines.push(current);
      current = token;
    } else {
      current = current === '' && lines.length === 0 ? token : `${current} ${token}`;
    }
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/**
 * mimetext puts the name in a quoted parameter without RFC 2231 encoding, so it is reduced to
 * characters every mail program reads the same way.
 */
export function asciiFileName(name: string): string {
  const cleaned = oneLine(name).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+/g, '_');
  return cleaned.replace(/^[._]+/, '') || 'appeal.pdf';
}

/** RFC 2045: base64 lines of at most 76 characters. */
function wrapBase64(value: string): string {
  return value.replace(/.{1,76}/g, '$&\r\n').trimEnd();
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
