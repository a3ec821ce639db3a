'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';

import { ACCEPT_ATTRIBUTE, EVIDENCE_RULES, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import type { EvidenceFile } from '@/lib/form/draft';
import type { FileRejection } from '@/lib/form/add-evidence';
import { formatBytes } from '@/lib/form/format-bytes';
import { useObjectUrlRef } from '@/app/appeal/_components/use-object-url';

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
  busy,
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
  busy: boolean;
  onAdd: (files: File[]) => void;
  onReplace: (id: string, file: File) => void;
  onRemove: (id: string) => void;
  children?: ReactNode;
}) {
  const t = useTranslations('form.evidence');
  const tErrors = useTranslations('errors');
  const [dragging, setDragging] = useState(false);
  const full = files.length >= EVIDENCE_RULES[role].max;
  const inputId = `${role}-input`;

  return (
    <section
      className={`zone${dragging ? ' dragging' : ''}${error ? ' has-error' : ''}`}
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
        <ul className="thumbs" aria-label={t('chosen', { title })}>
          {files.map((file) => (
            <EvidenceThumb key={file.id} file={file} onReplace={onReplace} onRemove={onRemove} />
          ))}
        </ul>
      ) : null}

      <div className="zone-actions">
        <span className="file-picker">
          <input
            id={inputId}
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE[role]}
            className="visually-hidden"
            disabled={full}
            aria-describedby={[`${role}-hint`, error ? `${role}-error` : ''].filter(Boolean).join(' ')}
            onChange={(event) => {
              onAdd(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
          <label htmlFor={inputId} className={`button${full ? ' disabled' : ''}`}>
            {t(`pick.${role}`)}
          </label>
        </span>
        <span className="file-picker camera-only">
          <input
            id={`${role}-camera`}
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            disabled={full}
            onChange={(event) => {
              onAdd(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
          <label htmlFor={`${role}-camera`} className={`button${full ? ' disabled' : ''}`}>
            {t('camera')}
          </label>
        </span>
        <span className="drop-hint" aria-hidden="true">
          {t('dropHint')}
        </span>
      </div>

      <div aria-live="polite" className="zone-status">
        {busy ? <p className="busy">{t('preparing')}</p> : null}
        {rejections.length > 0 ? (
          <ul className="rejections">
            {rejections.map((rejection, index) => (
              <li key={`${rejection.name}-${index}`} className="field-error">
                {tErrors.has(rejection.key)
                  ? tErrors(rejection.key, { file: rejection.name, ...rejection.values })
                  : t('rejectedGeneric', { file: rejection.name })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {children}
    </section>
  );
}

function EvidenceThumb({
  file,
  onReplace,
  onRemove,
}: {
  file: EvidenceFile;
  onReplace: (id: string, file: File) => void;
  onRemove: (id: string) => void;
}) {
  const t = useTranslations('form.evidence');
  const tAssistant = useTranslations('assistant');
  const locale = useLocale();
  const replaceRef = useRef<HTMLInputElement>(null);
  const isPdf = file.kind === 'pdf';
  const previewable = !isPdf && file.kind !== 'heic';

  const previewRef = useObjectUrlRef<HTMLImageElement>(previewable ? file.blob : null);

  const shrunk = file.blob.size < file.originalSize;
  return (
    <li className="thumb">
      <div className="thumb-image">
        {previewable ? (
          // Local blob previews: next/image would route them through the optimiser for nothing.
          // eslint-disable-next-line @next/next/no-img-element
          <img ref={previewRef} alt={t('previewOf', { name: file.name })} />
        ) : (
          <span className="file-icon" aria-hidden="true">
            {isPdf ? 'PDF' : file.kind.toUpperCase()}
          </span>
        )}
      </div>
      <div className="thumb-info">
        <span className="file-name">{file.name}</span>
        <span className="file-size">
          {shrunk
            ? t('sizeShrunk', { from: formatBytes(file.originalSize, locale), to: formatBytes(file.blob.size, locale) })
            : formatBytes(file.blob.size, locale)}
        </span>
        {file.notes.length > 0 ? (
          <ul className="notes">
            {file.notes.map((note, index) => (
              <li key={`${note.key}-${index}`} className={`note ${note.tone}`}>
                {tAssistant.has(note.key) ? tAssistant(note.key, note.values ?? {}) : note.key}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="thumb-actions">
          <input
            ref={replaceRef}
            type="file"
            accept={ACCEPT_ATTRIBUTE[file.role]}
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const replacement = event.target.files?.[0];
              if (replacement) onReplace(file.id, replacement);
              event.target.value = '';
            }}
          />
          <button type="button" className="button small" onClick={() => replaceRef.current?.click()}>
            {t('replace')}
            <span className="visually-hidden"> {file.name}</span>
          </button>
          <button type="button" className="button small danger" onClick={() => onRemove(file.id)}>
            {t('remove')}
            <span className="visually-hidden"> {file.name}</span>
          </button>
        </div>
      </div>
    </li>
  );
}
