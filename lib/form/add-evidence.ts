import { EVIDENCE_RULES, MAX_FILES, MAX_FILE_BYTES, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import type { EvidenceFile } from '@/lib/form/draft';
import type { ErrorKey } from '@/lib/i18n/message-keys';
import { checkEvidenceFile, type FileCheck } from '@/lib/form/file-kind';
import { shrinkPhoto } from '@/lib/form/shrink-photo';

export type FileRejection = {
  name: string;
  /** A key under `errors` with its values, the same words the server would use. */
  key: ErrorKey;
  values: Record<string, string | number>;
};

const PROBLEM_KEYS: Record<Exclude<FileCheck, { ok: true }>['problem'], ErrorKey> = {
  empty: 'file.empty',
  tooLarge: 'file.tooLarge',
  notAccepted: 'file.unsupportedType',
  pdfNotHere: 'file.unsupportedType',
  unreadable: 'file.unreadable',
};

/**
 * Checks and prepares files a person chose for one role: refused ones come back with the reason,
 * accepted photos are shrunk for the upload. Limits count the files already there.
 */
export async function prepareEvidence(
  chosen: readonly File[],
  role: EvidenceRole,
  existing: readonly EvidenceFile[],
): Promise<{ added: EvidenceFile[]; rejected: FileRejection[] }> {
  // Taken before the first await: the moment of choosing, not of finishing.
  const addedAt = Date.now();
  const added: EvidenceFile[] = [];
  const rejected: FileRejection[] = [];
  for (const file of chosen) {
    const inRole = existing.filter((f) => f.role === role).length + added.length;
    if (inRole >= EVIDENCE_RULES[role].max) {
      rejected.push({ name: file.name, key: 'files.tooManyForRole', values: { role, max: EVIDENCE_RULES[role].max } });
      continue;
    }
    if (existing.length + added.length >= MAX_FILES) {
      rejected.push({ name: file.name, key: 'files.tooMany', values: { max: MAX_FILES } });
      continue;
    }
    const prepared = await prepareOne(file, role, addedAt);
    if ('key' in prepared) rejected.push(prepared);
    else added.push(prepared);
  }
  return { added, rejected };
}

export async function prepareOne(file: File, role: EvidenceRole, addedAt: number): Promise<EvidenceFile | FileRejection> {
  const check = await checkEvidenceFile(file, role);
  if (!check.ok) {
    return {
      name: file.name,
      key: PROBLEM_KEYS[check.problem],
      values: { file: file.name, maxMb: Math.round(MAX_FILE_BYTES / 1024 / 1024) },
    };
  }
  const shrunk = await shrinkPhoto(file, check.kind);
  return {
    id: crypto.randomUUID(),
    role,
    name: shrunk?.name ?? file.name,
    kind: shrunk ? 'jpeg' : check.kind,
    blob: shrunk?.blob ?? file,
    originalSize: file.size,
    addedAt,
    notes: [],
  };
}
