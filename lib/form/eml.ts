/**
 * The appeal as an unsent e-mail (.eml) with the evidence PDF attached. Opening it in Outlook or
 * Thunderbird shows a draft ready to send (`X-Unsent: 1`), which a mailto: link cannot do because
 * it carries no attachment. Built with mimetext so subjects and file names are encoded per
 * RFC 2047 / 2231 and no field can inject a header.
 */
export type EmlInput = {
  from: string;
  to: string;
  subject: string;
  body: string;
  attachment: { fileName: string; bytes: Uint8Array };
};

export async function buildEml(input: EmlInput): Promise<string> {
  const { createMimeMessage } = await import('mimetext/browser');
  const message = createMimeMessage();
  message.setSender(input.from);
  message.setTo(input.to);
  message.setSubject(oneLine(input.subject));
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
  return message.asRaw();
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
