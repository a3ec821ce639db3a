/**
 * A message formatted on the server with one argument left open, so that a client component can
 * fill in what the user types without next-intl's message formatter (about 11 KB gzip) in its
 * page's JavaScript. The server formats the message with a placeholder no catalogue contains and
 * splits the result there; the client joins the pieces with the value. An argument that picks a
 * branch (`select`) is formatted twice, once per branch, by the caller.
 */
const HOLE = '\uE000';

/** The text around each place the argument appears, in order. */
export type HoledMessage = readonly string[];

export function withHole(format: (argument: string) => string): HoledMessage {
  return format(HOLE).split(HOLE);
}

export function fillHole(message: HoledMessage, value: string): string {
  return message.join(value);
}
