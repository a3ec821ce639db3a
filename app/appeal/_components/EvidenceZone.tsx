'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';

import { ACCEPT_ATTRIBUTE, EVIDENCE_RULES, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import type { EvidenceFile } from '@/lib/form/draft';
import { rejectionLines, type FileRejection } from '@/lib/form/add-evidence';
import { EvidenceThumb, replaceButtonId } from '@/app/appeal/_components/EvidenceThumb';

import styles from './EvidenceZone.module.css';

/** A chosen file still being checked and shrunk in the browser. */
export type PreparingFile = { id: string; name: string };

/** The two ways to add files: pick any (several at once), or on a phone take a photo. */
const PICKERS = [
  { suffix: 'input', camera: false },
  { suffix: 'camera', camera: true },
] as const;

/**
 * One upload zone (box photo, receipt, other proof): drop files on it, pick them, or on a phone
 * take a photo. Each file shows as a thumbnail with Replace and Remove, and any remarks about it
 * (its `notes`: room for checks such as the box-label reader).
 */
export function EvidenceZone({
  role,
  title,
  hint,
  files,
  rejections,
  error,
  preparing,
  onAdd,
  onReplace,
  onRemove,
  children,
}: {
  role: EvidenceRole;
  title: string;
  hint: string;
  files: EvidenceFile[];
  rejections: FileRejection[];
  error?: string;
  preparing: readonly PreparingFile[];
  onAdd: (files: File[]) => void;
  onReplace: (id: string, file: File) => void;
  onRemove: (id: string) => void;
  children?: ReactNode;
}) {
  const t = useTranslations('form.evidence');
  const tErrors = useTranslations('errors');
  const format = useFormatter();
  const [dragging, setDragging] = useState(false);
  const full = files.length >= EVIDENCE_RULES[role].max;
  const quotedList = (names: string[]) => format.list(names.map((name) => t('quotedName', { name })), { type: 'conjunction' });
  const changes = useFileChanges(files);
  const pickerRef = useRef<HTMLInputElement>(null);
  // A removed or replaced file takes its buttons with it, and focus would fall to the page's start.
  // Once the zone is drawn anew, focus goes to the zone's picker after a removal (it may have been
  // disabled while the zone was full), and to the new file's Replace after a replacement.
  const focusAfter = useRef<'picker' | 'replacement' | null>(null);
  useEffect(() => {
    if (!changes) return;
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'picker') pickerRef.current?.focus();
    const [replacement] = changes.added;
    if (target === 'replacement' && replacement && changes.removed.length > 0) document.getElementById(replaceButtonId(replacement.id))?.focus();
  }, [changes]);

  return (
    <section
      className={[styles.zone, dragging ? styles.dragging : '', error ? 'has-error' : ''].filter(Boolean).join(' ')}
      aria-labelledby={`${role}-title`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        onAdd(Array.from(event.dataTransfer.files));
      }}
    >
      <h2 id={`${role}-title`}>{title}</h2>
      <p className="hint" id={`${role}-hint`}>
        {hint} {t('limit', { max: EVIDENCE_RULES[role].max })}
      </p>
      {error ? (
        <p className="field-error" id={`${role}-error`}>
          {error}
        </p>
      ) : null}

      {files.length > 0 ? (
        <ul className={styles.thumbs} aria-label={t('chosen', { title })}>
          {files.map((file) => (
            <EvidenceThumb
              key={file.id}
              file={file}
              onReplace={(id, replacement) => {
                focusAfter.current = 'replacement';
                onReplace(id, replacement);
              }}
              onRemove={(id) => {
                focusAfter.current = 'picker';
                onRemove(id);
              }}
            />
          ))}
        </ul>
      ) : null}

      <div className={`${styles.actions}${full ? ` ${styles.full}` : ''}`}>
        <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
        </svg>
        {PICKERS.map(({ suffix, camera }) => (
          <span key={suffix} className={camera ? `file-picker ${styles.cameraOnly}` : 'file-picker'}>
            <input
              ref={camera ? undefined : pickerRef}
              id={`${role}-${suffix}`}
              type="file"
              multiple={camera ? undefined : true}
              accept={camera ? 'image/*' : ACCEPT_ATTRIBUTE[role]}
              capture={camera ? 'environment' : undefined}
              className="visually-hidden"
              disabled={full}
              // The zone's hint and error describe the main picker (the one the error summary links to).
              aria-describedby={camera ? undefined : [`${role}-hint`, error ? `${role}-error` : ''].filter(Boolean).join(' ')}
              onChange={(event) => {
                onAdd(Array.from(event.target.files ?? []));
                event.target.value = '';
              }}
            />
            <label htmlFor={`${role}-${suffix}`} className={`button${full ? ' disabled' : ''}`}>
              {camera ? t('camera') : t(`pick.${role}`)}
            </label>
          </span>
        ))}
        <span className={styles.dropHint} aria-hidden="true">
          {t('dropHint')}
        </span>
      </div>

      <div aria-live="polite">
        {/* What the last change did, said once: the thumbnails themselves sit outside this region. */}
        {changes ? (
          <p className="visually-hidden">
            {[
              changes.added.length > 0 ? t('filesAdded', { files: quotedList(changes.added.map((file) => file.name)) }) : '',
              changes.removed.length > 0 ? t('filesRemoved', { files: quotedList(changes.removed.map((file) => file.name)) }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
          </p>
        ) : null}
        {preparing.length > 0 ? (
          <ul className={styles.preparing}>
            {preparing.map((file) => (
              // No value: how long shrinking one photo takes is not known, so the bar runs without one.
              <li key={file.id}>
                <span id={`preparing-${file.id}`}>{t('preparingFile', { name: file.name })}</span>
                <progress aria-labelledby={`preparing-${file.id}`} />
              </li>
            ))}
          </ul>
        ) : null}
        {rejections.length > 0 ? (
          <ul className={styles.rejections}>
            {rejectionLines(rejections).map(({ key, values, names }, index) => (
              <li key={`${names.join('/')}-${index}`} className="field-error">
                {tErrors.has(key)
                  ? tErrors(key, {
                      file: names[0] ?? '',
                      files: quotedList(names),
                      count: names.length,
                      ...values,
                    })
                  : t('rejectedGeneric', { file: names.join(', ') })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {children}
    </section>
  );
}

type FileChanges = { added: EvidenceFile[]; removed: EvidenceFile[] };

/**
 * The files the last change of `files` added and removed, for the zone's live region
 * (a screen reader hears "Preparing …" and then, without this, nothing). Null until a change: the
 * files a saved draft brings are not news. A replaced file is one removed and one added.
 */
function useFileChanges(files: EvidenceFile[]): FileChanges | null {
  const [seen, setSeen] = useState(files);
  const [changes, setChanges] = useState<FileChanges | null>(null);
  // The zone's list is filtered afresh on every render: compared by the files in it.
  if (idsOf(files) !== idsOf(seen)) {
    // Adjusted while rendering (React's pattern for state derived from a prop's previous value).
    const before = new Set(seen.map((file) => file.id));
    const after = new Set(files.map((file) => file.id));
    const added = files.filter((file) => !before.has(file.id));
    const removed = seen.filter((file) => !after.has(file.id));
    setSeen(files);
    if (added.length > 0 || removed.length > 0) setChanges({ added, removed });
  }
  return changes;
}

const idsOf = (files: EvidenceFile[]) => files.map((file) => file.id).join(' ');
