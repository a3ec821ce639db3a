import 'server-only';

import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import busboy from 'busboy';

import { EVIDENCE_RULES, MAX_FILES, MAX_FILE_BYTES, MAX_REQUEST_BYTES, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { singleLine } from '@/lib/appeal/fields';
import { FIELD_MAX } from '@/lib/appeal/schema';
import { AppError, fileError, fileTooLarge } from '@/lib/server/app-error';
import { multipartBoundary, partScanner, type PartScanner } from '@/lib/server/multipart-parts';
import { holdOrRefuse, type UploadReservation } from '@/lib/server/upload-budget';

/** An uploaded file, held in memory only: uploads are never written to disk. */
export type UploadedFile = {
  role: EvidenceRole;
  /** The name the browser sent, cleaned for display in messages and the evidence index. */
  name: string;
  bytes: Buffer;
};

export type MultipartBody = {
  fields: Record<string, string>;
  files: UploadedFile[];
};

/** Limits on the text part of the body. The longest real field (notes) is 2,000 characters. */
const FIELD_LIMITS = { count: 40, bytes: 32 * 1024, nameBytes: 100 } as const;
const MAX_FILE_NAME_CHARS = 120;
const MB = 1024 * 1024;

/**
 * A whole upload must arrive within this time (APPEAL_UPLOAD_DEADLINE_MS overrides it): a client
 * trickling bytes must not hold a request and its buffers for ever. Five minutes carries a
 * 10 MB appeal over a poor mobile link; the phone-side shrinking keeps real uploads far smaller.
 */
export const DEFAULT_UPLOAD_DEADLINE_MS = 5 * 60_000;
/** No byte at all for this long means the client has gone. */
const UPLOAD_IDLE_MS = 30_000;
/**
 * How long, and how much, of a refused body is read and dropped before the answer
 * (lingerThenAnswer): enough for the few MB of an ordinary form still in flight when one of its
 * parts is refused, little enough that a huge or endless upload is still cut off soon after its
 * limit.
 */
const LINGER_MS = 2_000;
const LINGER_MAX_BYTES = 3 * MB;

export function uploadDeadlineMs(): number {
  const configured = Number(process.env.APPEAL_UPLOAD_DEADLINE_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_UPLOAD_DEADLINE_MS;
}

function tooLongMessage(field: string): string {
  const max = (FIELD_MAX as Record<string, number | undefined>)[field] ?? FIELD_LIMITS.bytes;
  return msg('tooLong', { max });
}

function isRole(name: string): name is EvidenceRole {
  return Object.hasOwn(EVIDENCE_RULES, name);
}

/**
 * Why a text part is refused, if it is. busboy takes a part for a file only when it is
 * application/octet-stream or has a non-empty file name: a photo sent by an HTTP library with
 * `filename=""` and its own type arrives here as text under its role. Silently dropped it would
 * leave "add at least one file"; read as text, a photo is "too long". A value in a charset busboy
 * cannot decode (windows-1251, koi8-r, x-bogus) comes as `undefined`, and would throw downstream;
 * bytes that are not UTF-8 in a part that declares no charset (a windows-1251 client) come as
 * U+FFFD replacement characters, and would print "My name is ���� ������" in the letter.
 */
function textPartRefusal(name: string, value: string | undefined, info: busboy.FieldInfo): AppError | undefined {
  if (isRole(name)) {
    if (value === '' && !info.valueTruncated) return undefined;
    return fileError('malformed-request', msg('file.unnamed'), name);
  }
  if (info.valueTruncated || info.nameTruncated) {
    return new AppError('invalid-fields', msg('request.invalidFields', { count: 1 }), { fields: { [name]: tooLongMessage(name) } });
  }
  if (value === undefined || value.includes('\uFFFD')) {
    return new AppError('invalid-fields', msg('request.invalidFields', { count: 1 }), { fields: { [name]: msg('notText') } });
  }
  return undefined;
}

/**
 * Reads and drops what is left of a refused body, then answers (nginx's "lingering close"). A
 * connection closed with unread bytes is reset by the kernel, and a reset can wipe out the answer
 * at the client before it is read: the client would see "connection reset" instead of the
 * refusal (it did, now and then, in the keep-alive test). Bounded by LINGER_MS and
 * LINGER_MAX_BYTES: past them the answer goes out anyway, and the connection is closed.
 */
function lingerThenAnswer(source: Readable, answer: () => void): void {
  let dropped = 0;
  let answered = false;
  const done = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    source.off('data', onData);
    source.pause();
    answer();
  };
  const onData = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_MAX_BYTES) done();
  };
  const timer = setTimeout(done, LINGER_MS);
  source.on('data', onData);
  source.once('end', done);
  source.once('error', done);
  source.resume();
}

/** A file under a field that takes none: the client's mistake, named, rather than "damaged". */
function fileUnderUnknownField(field: string): AppError {
  return new AppError('malformed-request', msg('request.fileUnderUnknownField', { field: singleLine(field).slice(0, FIELD_LIMITS.nameBytes) }));
}

function displayFileName(raw: string | undefined): string {
  const name = singleLine(raw ?? '').replace(/^.*[\\/]/, '');
  if (name === '') return 'file';
  return name.length > MAX_FILE_NAME_CHARS ? `${name.slice(0, MAX_FILE_NAME_CHARS - 1)}…` : name;
}

/**
 * Counts the raw body as it flows and stops the stream once it passes the request limit, or once
 * the memory for uploads has no room for its next bytes. The bytes up to the limit are passed on
 * before it stops: a network hands over 64–256 KB at once, and the piece that crosses the limit
 * may hold the end of a file busboy must see to say that file is too large, by its name. What
 * passes goes through the part scanner (multipart-parts.ts), which counts the parts and cleans
 * their headers for busboy.
 */
function byteBudget(maxBytes: number, memory: UploadReservation | undefined, scanner: PartScanner | undefined): Transform {
  let seen = 0;
  const tooLarge = () => new AppError('request-too-large', msg('request.tooLarge', { maxMb: Math.floor(maxBytes / MB) }));
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const room = maxBytes - seen;
      seen += chunk.length;
      if (chunk.length > room && room <= 0) {
        callback(tooLarge());
        return;
      }
      const passed = chunk.length > room ? chunk.subarray(0, room) : chunk;
      try {
        if (memory) holdOrRefuse(memory, passed.length);
      } catch (error) {
        callback(error as Error);
        return;
      }
      callback(null, scanner ? scanner.push(passed) : passed);
      // Past the limit: busboy reads what was passed (synchronously, as it is written to it) and
      // may fail the request for a reason of its own first; the limit answers only otherwise.
      if (passed !== chunk) setImmediate(() => this.destroy(tooLarge()));
    },
  });
}

/**
 * What one route accepts (the appeal takes up to 15 files and 60 MB, the evidence check one
 * photo), and the upload's reservation, which holds the bytes as they arrive.
 */
export type MultipartLimits = {
  maxBytes: number;
  maxFiles: number;
  memory?: UploadReservation;
  /**
   * A body whose Content-Length passes `maxBytes` is read anyway, up to `maxBytes`, instead of
   * being refused unread: for the evidence check (one photo, and room for the part headers), the
   * file's own 25 MB limit is reached first and the refusal names the file, as the appeal's does.
   */
  readPastDeclaredSize?: boolean;
};

/**
 * Reads a multipart/form-data request with every limit enforced while the body streams in: the
 * first limit crossed rejects at once and the rest of the body is never read. `onField` sees each
 * text field as it arrives (the route learns the answer language before a later file fails).
 */
export function readMultipart(
  request: Request,
  onField: (name: string, value: string) => void = () => {},
  { maxBytes = MAX_REQUEST_BYTES, maxFiles = MAX_FILES, memory, readPastDeclaredSize = false }: Partial<MultipartLimits> = {},
): Promise<MultipartBody> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    return Promise.reject(new AppError('not-multipart', msg('request.notMultipart'), { bodyUnread: request.body !== null }));
  }
  // Refused for its announced size before a byte is read: the answer closes the connection, so
  // the server does not read 60 MB only to drop them (and a keep-alive client reconnects).
  const declaredLength = Number(request.headers.get('content-length') ?? 0);
  if (declaredLength > maxBytes && !readPastDeclaredSize) {
    return Promise.reject(new AppError('request-too-large', msg('request.tooLarge', { maxMb: Math.floor(maxBytes / MB) }), { bodyUnread: true }));
  }

  const deadlineMs = uploadDeadlineMs();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send UTF-8 file names raw in filename="…": Cyrillic names must survive.
      defParamCharset: 'utf8',
      limits: {
        // busboy says `limit` when a file reaches its limit, not when it passes it: one byte more
        // lets a file of exactly 25 MB through, as the form and the image opener do.
        fileSize: MAX_FILE_BYTES + 1,
        files: maxFiles,
        fields: FIELD_LIMITS.count,
        fieldSize: FIELD_LIMITS.bytes,
        fieldNameSize: FIELD_LIMITS.nameBytes,
        parts: maxFiles + FIELD_LIMITS.count,
      },
    });
  } catch (cause) {
    return Promise.reject(new AppError('not-multipart', msg('request.notMultipart'), { cause }));
  }

  // The web stream from undici, as a Node stream busboy can read.
  const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
  const boundary = multipartBoundary(contentType);
  const scanner = boundary === undefined ? undefined : partScanner(boundary);
  const budget = byteBudget(maxBytes, memory, scanner);

  return new Promise<MultipartBody>((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: (UploadedFile & { position: number })[] = [];
    const perRole: Record<EvidenceRole, number> = { boxPhoto: 0, receipt: 0, extra: 0 };
    let pendingFiles = 0;
    let arrived = 0;
    /** Parts busboy reported (a field or a file): fewer than the body holds means some were skipped. */
    let reported = 0;
    let parsed = false;
    let settled = false;
    let bodyEnded = false;
    source.once('end', () => {
      bodyEnded = true;
    });

    const timedOut = () => fail(new AppError('upload-timeout', msg('request.malformed')));
    const deadline = setTimeout(timedOut, deadlineMs);
    const idle = setTimeout(timedOut, Math.min(UPLOAD_IDLE_MS, deadlineMs));
    source.on('data', () => {
      if (settled) return;
      // Restarts the idle clock without a new timer for every chunk.
      idle.refresh();
    });
    const stopTimers = () => {
      clearTimeout(deadline);
      clearTimeout(idle);
    };

    /** `unexpected`: our own code threw, not the parser; the error is passed on for a 500 and the log. */
    const fail = (error: unknown, { unexpected = false } = {}) => {
      if (settled) return;
      settled = true;
      stopTimers();
      const refusal =
        error instanceof AppError || unexpected ? error : new AppError('malformed-request', msg('request.malformed'), { cause: error });
      // Refused before the body was read: the answer closes the connection (error-response.ts).
      if (refusal instanceof AppError) refusal.bodyUnread = !bodyEnded;
      // Nothing more is parsed or kept; busboy is torn down on the next turn, not from inside one
      // of its own event handlers. The body is never cancelled: a body whose last bytes have just
      // arrived throws "ReadableStream is already closed" inside undici when cancelled, as an
      // uncaught exception.
      source.unpipe(budget);
      budget.unpipe(parser);
      setImmediate(() => {
        budget.destroy();
        parser.destroy();
      });
      // A stalled client sends nothing more to wait for.
      if (bodyEnded || (refusal instanceof AppError && refusal.code === 'upload-timeout')) reject(refusal);
      else lingerThenAnswer(source, () => reject(refusal));
    };
    /** Counts a file against its role's limit; past it, the request is refused. */
    const admitToRole = (role: EvidenceRole): boolean => {
      perRole[role] += 1;
      const { max } = EVIDENCE_RULES[role];
      if (perRole[role] <= max) return true;
      fail(fileError('too-many-files', msg('files.tooManyForRole', { role, max }), role));
      return false;
    };
    const finishIfDone = () => {
      if (settled || !parsed || pendingFiles > 0) return;
      settled = true;
      stopTimers();
      // Parts arrive in order, but each file is finished by its own stream: keep the sent order.
      files.sort((a, b) => a.position - b.position);
      resolve({ fields, files: files.map(({ role, name, bytes }) => ({ role, name, bytes })) });
    };

    parser.on('field', (name, value: string | undefined, info) => {
      reported += 1;
      if (settled) return;
      const refusal = textPartRefusal(name, value, info);
      if (refusal) return fail(refusal);
      // An empty role field: a file picker left empty, sent by a client as a text part.
      if (value === undefined || isRole(name)) return;
      fields[name] = value;
      try {
        onField(name, value);
      } catch (error) {
        // Thrown inside busboy's event handler, it would be an unhandled rejection and leave the
        // request to the idle timeout: it fails this request instead, as the bug it is (500).
        fail(error, { unexpected: true });
      }
    });

    parser.on('file', (field, stream, info) => {
      reported += 1;
      const name = displayFileName(info.filename);
      // Tearing busboy down destroys the file stream in flight with an error nobody needs.
      stream.on('error', () => {});
      if (settled) {
        stream.resume();
        return;
      }
      // An <input type=file> left empty still sends a part with an empty name and no bytes.
      const emptyPicker = !info.filename;
      if (!isRole(field) && !emptyPicker) {
        stream.resume();
        fail(fileUnderUnknownField(field));
        return;
      }
      if (isRole(field) && !emptyPicker && !admitToRole(field)) {
        stream.resume();
        return;
      }
      pendingFiles += 1;
      const position = arrived++;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on('limit', () => {
        fail(fileTooLarge(name, field));
      });
      stream.on('close', () => {
        pendingFiles -= 1;
        if (settled) return;
        if (emptyPicker && size === 0) return finishIfDone();
        if (!isRole(field)) return fail(fileUnderUnknownField(field));
        if (size === 0) return fail(fileError('unreadable-file', msg('file.empty', { file: name }), field));
        // A part without a file name is known to be a file only once bytes came: count it now.
        if (emptyPicker && !admitToRole(field)) return;
        files.push({ role: field, name, bytes: Buffer.concat(chunks, size), position });
        finishIfDone();
      });
    });

    parser.on('filesLimit', () => fail(new AppError('too-many-files', msg('files.tooMany', { max: maxFiles }))));
    // Only a client of its own sends this many: what the body held is not damaged, it is too much.
    const tooManyParts = () => fail(new AppError('malformed-request', msg('request.tooManyParts', { files: maxFiles, fields: FIELD_LIMITS.count })));
    parser.on('fieldsLimit', tooManyParts);
    parser.on('partsLimit', tooManyParts);
    parser.on('error', fail);
    parser.on('close', () => {
      parsed = true;
      // A part busboy skipped without a word: its headers did not parse (a file named only by
      // filename*= in a charset busboy cannot decode). Which field it was is lost with them.
      if (scanner && scanner.parts > reported) return fail(new AppError('malformed-request', msg('file.unnamed')));
      finishIfDone();
    });
    source.on('error', fail);
    budget.on('error', fail);

    source.pipe(budget).pipe(parser);
  });
}
