import { createStore, del, delMany, get, set, type UseStore } from 'idb-keyval';

import { applyTriage, reviveDraft, reviveFiles, reviveResult, type AppealDraft, type AppealResult, type EvidenceFile } from '@/lib/form/draft';
import { TRIAGE_HANDOFF_KEY, parseTriage, type Triage } from '@/lib/form/triage';

/**
 * The draft lives only in this browser's IndexedDB (never on the server), so a reload or a closed
 * tab loses nothing until the user starts over. Fields, files and the finished PDF are separate
 * entries: typing a letter rewrites a few hundred bytes, not every photo.
 */
const KEYS = { fields: 'fields', files: 'files', result: 'result' } as const;

let store: UseStore | null = null;
function draftStore(): UseStore {
  store ??= createStore('appeal-kit', 'draft');
  return store;
}

export type SavedAppeal = { draft: AppealDraft; files: EvidenceFile[]; result: AppealResult | null };

/** The start page's answers, read once: the form keeps them with the draft from then on. */
function takeTriageHandoff(): Triage | null {
  try {
    const raw = sessionStorage.getItem(TRIAGE_HANDOFF_KEY);
    if (raw === null) return null;
    sessionStorage.removeItem(TRIAGE_HANDOFF_KEY);
    return parseTriage(JSON.parse(raw));
  } catch {
    return null;
  }
}

export async function loadAppeal(): Promise<SavedAppeal> {
  const [fields, files, result] = await Promise.all([
    get<unknown>(KEYS.fields, draftStore()),
    get<unknown>(KEYS.files, draftStore()),
    get<Parameters<typeof reviveResult>[0]>(KEYS.result, draftStore()),
  ]);
  const handoff = takeTriageHandoff();
  let draft = reviveDraft(fields);
  if (handoff) {
    draft = applyTriage(draft, handoff);
    await saveDraft(draft);
  }
  const savedFiles = reviveFiles(files);
  return { draft, files: savedFiles, result: reviveResult(result, savedFiles) };
}

export function saveDraft(draft: AppealDraft): Promise<void> {
  return set(KEYS.fields, draft, draftStore());
}

export function saveFiles(files: EvidenceFile[]): Promise<void> {
  return set(KEYS.files, files, draftStore());
}

export function saveResult(result: AppealResult | null): Promise<void> {
  return result ? set(KEYS.result, result, draftStore()) : del(KEYS.result, draftStore());
}

export function clearAppeal(): Promise<void> {
  return delMany(Object.values(KEYS), draftStore());
}
