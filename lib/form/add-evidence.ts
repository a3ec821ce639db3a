import { EVIDENCE_RULES, MAX_FILES, MAX_FILE_BYTES, MAX_PDF_EVIDENCE_BYTES, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import type { EvidenceFile } from '@/lib/form/draft';
import type { ErrorKey } from '@/lib/i18n/message-keys';
import { checkEvidenceFile, type FileCheck } from '@/lib/form/file-kind';
import { shrinkPhoto } from '@/lib/form/shrink-photo';

export type FileRejection = {
  name: string;
  /** The refused file itself (`sourceOf`): names repeat, iPhones share every photo as "image.jpg". */
  source: string;
  /** A key under `errors` with its values, the same words the server would use. */
  key: ErrorKey;
  values: Record<string, string | number>;
};

type FileProblem = Exclude<FileCheck, { ok: true }>['problem'];

const PROBLEM_KEYS: Record<FileProblem, ErrorKey> = {
  empty: 'file.empty',
  tooLarge: 'file.tooLarge',
  notAccepted: 'file.unsupportedType',
  pdfNotHere: 'file.pdfNotBoxPhoto',
  unreadable: 'file.unreadable',
  // The server's own words for the same scan (lib/server/read-pdf-receipt.ts).
  pdfEncrypted: 'file.pdfEncrypted',
  pdfMalformed: 'file.pdfMalformed',
};

/** What identifies a picked file without reading it: the same photo picked twice has the same. */
export function sourceOf(file: File): string {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

/** A file the zone has, or is still preparing: all the limits need to know of it. */
export type HeldFile = Pick<EvidenceFile, 'role' | 'source'>;

/**
 * Which chosen files may join a role, decided at once, when they are chosen: the role's limit, the
 * limit on all files, and the same photo picked twice. `held` must include the files still being
 * prepared from an earlier pick, or two quick picks would each pass the limit on their own.
 */
export function admitEvidence(chosen: readonly File[], role: EvidenceRole, held: readonly HeldFile[]): { admitted: File[]; refused: FileRejection[] } {
  const admitted: File[] = [];
  const refused: FileRejection[] = [];
  const taken = [...held];
  for (const file of chosen) {
    const source = sourceOf(file);
    if (taken.filter((f) => f.role === role).length >= EVIDENCE_RULES[role].max) {
      refused.push({ name: file.name, source, key: 'files.zoneFull', values: { role, max: EVIDENCE_RULES[role].max } });
    } else if (taken.some((f) => f.role === role && f.source === source)) {
      refused.push({ name: file.name, source, key: 'files.alreadyAdded', values: {} });
    } else if (taken.some((f) => f.source === source)) {
      // In the PDF twice, under two captions, it would only make the PDF longer and puzzle support.
      const where = taken.find((f) => f.source === source)!.role;
      refused.push({ name: file.name, source, key: 'files.alreadyAddedElsewhere', values: { role: where } });
    } else if (taken.length >= MAX_FILES) {
      refused.push({ name: file.name, source, key: 'files.tooMany', values: { max: MAX_FILES } });
    } else {
      admitted.push(file);
      taken.push({ role, source });
    }
  }
  return { admitted, refused };
}

/** One line of a zone's refusals: its message, and the files it names. */
export type RejectionLine = Pick<FileRejection, 'key' | 'values'> & { names: string[] };

/**
 * The lines a zone shows for its refusals: one per file, except the files left out because the
 * zone was full, which share one line naming them all ("Not added: “4.jpg” and “5.jpg”. “Box
 * label” holds at most 3 files…"), where the first of them stood.
 */
export function rejectionLines(rejections: readonly FileRejection[]): RejectionLine[] {
  const lines: RejectionLine[] = [];
  let full: RejectionLine | undefined;
  for (const { key, values, name } of rejections) {
    if (key === 'files.zoneFull' && full) {
      full.names.push(name);
      continue;
    }
    const line = { key, values, names: [name] };
    if (key === 'files.zoneFull') full = line;
    lines.push(line);
  }
  return lines;
}

/**
 * The refusals left in each zone once `accepted` files (by `sourceOf`) were added somewhere: a
 * file refused in one zone and then added in another (a PDF dropped on the box label, then added
 * under Receipt) is dealt with, so its refusal goes from every zone. Another file of the same name
 * keeps its own.
 */
export function refusalsAfterAdding(
  rejections: Record<EvidenceRole, FileRejection[]>,
  accepted: ReadonlySet<string>,
): Record<EvidenceRole, FileRejection[]> {
  return keptInEachZone(rejections, (old) => !accepted.has(old.source));
}

function keptInEachZone(rejections: Record<EvidenceRole, FileRejection[]>, keep: (rejection: FileRejection) => boolean): Record<EvidenceRole, FileRejection[]> {
  return { boxPhoto: rejections.boxPhoto.filter(keep), receipt: rejections.receipt.filter(keep), extra: rejections.extra.filter(keep) };
}

/**
 * Refusals that spoke of the files a zone held (full, already there, the PDFs' share): once a file
 * is removed they may no longer hold, and their advice ("first remove one") has been followed, so
 * they go. Refusals of a file for what it is (damaged, too large, not a photo) stay.
 */
const HELD_FILE_REFUSALS: ReadonlySet<ErrorKey> = new Set(['files.zoneFull', 'files.alreadyAdded', 'files.alreadyAddedElsewhere', 'files.tooMany', 'file.pdfShareTooLarge']);

export function refusalsAfterRemoving(rejections: Record<EvidenceRole, FileRejection[]>): Record<EvidenceRole, FileRejection[]> {
  return keptInEachZone(rejections, (old) => !HELD_FILE_REFUSALS.has(old.key));
}

/** Checks and prepares admitted files one by one: unusable ones come back with the reason, photos are shrunk for the upload. */
export async function prepareEvidence(
  admitted: readonly File[],
  role: EvidenceRole,
  /** Called as each file is done with (added or refused): its progress line goes away. */
  onEach: (file: File) => void = () => {},
): Promise<{ added: EvidenceFile[]; rejected: FileRejection[] }> {
  // Taken before the first await: the moment of choosing, not of finishing.
  const addedAt = Date.now();
  const added: EvidenceFile[] = [];
  const rejected: FileRejection[] = [];
  for (const file of admitted) {
    try {
      const prepared = await prepareOne(file, role, addedAt);
      if ('key' in prepared) rejected.push(prepared);
      else added.push(prepared);
    } finally {
      onEach(file);
    }
  }
  return { added, rejected };
}

function rejection(file: File, problem: FileProblem): FileRejection {
  return { name: file.name, source: sourceOf(file), key: PROBLEM_KEYS[problem], values: { file: file.name, maxMb: Math.round(MAX_FILE_BYTES / 1024 / 1024) } };
}

export async function prepareOne(file: File, role: EvidenceRole, addedAt: number): Promise<EvidenceFile | FileRejection> {
  const check = await checkEvidenceFile(file, role);
  if (!check.ok) return rejection(file, check.problem);
  const shrunk = await shrinkPhoto(file, check.kind);
  // A photo over the upload limit that the browser could not make smaller (or not decode at all:
  // a phone may lack the memory for 200 MP) is refused for its size, which is what the user can fix.
  const sentBytes = shrunk.kind === 'shrunk' ? shrunk.blob.size : file.size;
  if (sentBytes > MAX_FILE_BYTES) return rejection(file, 'tooLarge');
  if (shrunk.kind === 'unreadable') return rejection(file, 'unreadable');
  return {
    id: crypto.randomUUID(),
    role,
    // The user's own name, also for a photo sent as a JPEG: two photos "shot.avif" and "shot.webp"
    // must not both read "shot.jpg". The server tells the type from the bytes, never the name.
    name: file.name,
    kind: shrunk.kind === 'shrunk' ? 'jpeg' : check.kind,
    blob: shrunk.kind === 'shrunk' ? shrunk.blob : file,
    originalSize: file.size,
    addedAt,
    notes: [],
    source: sourceOf(file),
  };
}

const pdfBytes = (files: readonly EvidenceFile[]) => files.reduce((sum, file) => sum + (file.kind === 'pdf' ? file.blob.size : 0), 0);

/**
 * The added files that fit beside those held, in order: PDFs go into the evidence PDF as they are,
 * so together they may take MAX_PDF_EVIDENCE_BYTES, as the server checks when the appeal is made.
 * A PDF that would pass it is refused now, by name, rather than the whole appeal at the end.
 */
export function withinPdfShare(held: readonly EvidenceFile[], added: readonly EvidenceFile[]): { fitting: EvidenceFile[]; refused: FileRejection[] } {
  let used = pdfBytes(held);
  const fitting: EvidenceFile[] = [];
  const refused: FileRejection[] = [];
  for (const file of added) {
    if (file.kind === 'pdf' && used + file.blob.size > MAX_PDF_EVIDENCE_BYTES) {
      refused.push({
        name: file.name,
        source: file.source ?? file.id,
        key: 'file.pdfShareTooLarge',
        values: { file: file.name, maxMb: MAX_PDF_EVIDENCE_BYTES / 1024 / 1024 },
      });
      continue;
    }
    if (file.kind === 'pdf') used += file.blob.size;
    fitting.push(file);
  }
  return { fitting, refused };
}
