/**
 * The assistant's findings as remarks on the form's evidence files (EvidenceFile.notes, shown
 * under each thumbnail and saved with the draft), and the IMEI decisions drawn from them. Pure and
 * browser-safe. Note keys live in the `assistant` namespace.
 */
import type { EvidenceCheck, PhotoWarning } from '@/lib/appeal/evidence-check';
import type { EvidenceFile, EvidenceNote } from '@/lib/form/draft';
import { normalizeImeiInput } from '@/lib/imei';

/** Every note the assistant writes starts with one of these; others' notes are left alone. */
const ASSISTANT_NOTE_PREFIXES = ['label.', 'photo.'] as const;

export function isAssistantNote(note: EvidenceNote): boolean {
  return ASSISTANT_NOTE_PREFIXES.some((prefix) => note.key.startsWith(prefix));
}

/** A file counts as checked once it carries any assistant note (`photo.ok` for a clean photo). */
export function isChecked(notes: readonly EvidenceNote[]): boolean {
  return notes.some(isAssistantNote);
}

/**
 * The advice under a photo warning, worded for what the zone's photo shows: a box label ("tap the
 * label on the screen to focus") or a receipt. Too small reads the same for both.
 */
function tipKey(warning: PhotoWarning, role: string): string {
  return role === 'receipt' && warning !== 'tooSmall' ? `photo.${warning}.tipReceipt` : `photo.${warning}.tip`;
}

export function notesFromCheck(check: EvidenceCheck, role: string): EvidenceNote[] {
  const notes: EvidenceNote[] = [];
  if (role === 'boxPhoto') {
    notes.push(
      check.imeis.length > 0
        ? { key: 'label.found', values: { imeis: check.imeis.join(', ') }, tone: 'info' }
        : { key: 'label.none', tone: 'warning' },
    );
  }
  for (const warning of check.photo.warnings) {
    const values = warning === 'tooSmall' ? { width: check.photo.width, height: check.photo.height } : undefined;
    notes.push({ key: `photo.${warning}.title`, values, tone: 'warning' });
    notes.push({ key: tipKey(warning, role), tone: 'info' });
  }
  if (check.photo.warnings.length === 0) notes.push({ key: 'photo.ok', tone: 'info' });
  return notes;
}

export function notesFromFailure(message: string | null): EvidenceNote[] {
  return message ? [{ key: 'label.failed', values: { message }, tone: 'warning' }] : [{ key: 'label.unavailable', tone: 'warning' }];
}

/**
 * Whether a check's answer still belongs to a file in the form: the same file (its id) with the
 * same content (its blob). A check is slow; by the time it answers, its photo may have been removed
 * or replaced, and an answer about a photo that is gone must change nothing.
 */
export function isCurrentFile(files: readonly Pick<EvidenceFile, 'id' | 'blob'>[], checked: Pick<EvidenceFile, 'id' | 'blob'>): boolean {
  return files.some((file) => file.id === checked.id && file.blob === checked.blob);
}

/**
 * The files with a check's answer written onto the file it was about: its earlier assistant
 * notes replaced, and the signed label reading kept for the upload. The files come back
 * unchanged (the same array) when that file is no longer among them.
 */
export function withCheckAnswer<T extends EvidenceFile>(files: T[], checked: Pick<EvidenceFile, 'id' | 'blob'>, notes: readonly EvidenceNote[], labelToken?: string): T[] {
  if (!isCurrentFile(files, checked)) return files;
  return files.map((file) =>
    file.id === checked.id && file.blob === checked.blob
      ? { ...file, notes: [...file.notes.filter((n) => !isAssistantNote(n)), ...notes], ...(labelToken ? { labelToken } : {}) }
      : file,
  );
}

/**
 * The IMEIs read from all box photos, in label order, from the notes saved with the draft. Notes
 * hold them as plain digits (shown as they are, so they can be copied into a search); drafts saved
 * by older builds hold them grouped with spaces ("86 890704 123456 5"), which reads the same here.
 */
export function labelImeisOf(files: readonly { role: string; notes: readonly EvidenceNote[] }[]): string[] {
  const imeis: string[] = [];
  for (const file of files) {
    if (file.role !== 'boxPhoto') continue;
    for (const note of file.notes) {
      if (note.key !== 'label.found') continue;
      for (const part of String(note.values?.imeis ?? '').split(',')) {
        const imei = normalizeImeiInput(part);
        if (/^\d{15}$/.test(imei) && !imeis.includes(imei)) imeis.push(imei);
      }
    }
  }
  return imeis;
}

export type ImeiFields = { imei: string; imei2: string };
export type ImeiField = keyof ImeiFields;

/**
 * Fills empty IMEI fields from the label, never overwriting what the user typed: IMEI1 first,
 * then IMEI2 with the first label IMEI not already used.
 *
 * Only while nothing typed contradicts the label: a dual-SIM phone's two IMEIs are both on its
 * label, so a typed IMEI the label does not show means the field or the photo is wrong. Filling
 * the other field then would pair the typed IMEI with one from the label as if both were this
 * phone's (and the appeal would say one of them "matches the box"). Nothing is filled; the
 * mismatch warning (mismatchedImeis) asks the user which is right.
 */
export function fillFromLabel<T extends ImeiFields>(device: T, labelImeis: readonly string[]): { device: T; filled: ImeiField[] } {
  if (mismatchedImeis(device, labelImeis).length > 0) return { device, filled: [] };
  const typed = [device.imei, device.imei2].map(normalizeImeiInput).filter(Boolean);
  const unused = labelImeis.filter((imei) => !typed.includes(imei));
  const next = { ...device };
  const filled: ImeiField[] = [];
  for (const field of ['imei', 'imei2'] as const) {
    if (normalizeImeiInput(next[field]) !== '') continue;
    const imei = unused.shift();
    if (!imei) break;
    next[field] = imei;
    filled.push(field);
  }
  return { device: next, filled };
}

/** Typed IMEIs that a label which was read does not show. */
export function mismatchedImeis(device: ImeiFields, labelImeis: readonly string[]): { field: ImeiField; typed: string }[] {
  if (labelImeis.length === 0) return [];
  return (['imei', 'imei2'] as const)
    .map((field) => ({ field, typed: normalizeImeiInput(device[field]) }))
    .filter(({ typed }) => typed !== '' && !labelImeis.includes(typed));
}

/**
 * The empty IMEI fields the label leaves empty because a typed IMEI contradicts it (see
 * fillFromLabel): said next to the mismatch, so the user knows why and fills them in themselves.
 */
export function leftEmptyByMismatch(device: ImeiFields, labelImeis: readonly string[]): ImeiField[] {
  if (mismatchedImeis(device, labelImeis).length === 0) return [];
  return (['imei', 'imei2'] as const).filter((field) => normalizeImeiInput(device[field]) === '');
}
