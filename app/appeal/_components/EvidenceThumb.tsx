'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';

import { ACCEPT_ATTRIBUTE } from '@/lib/appeal/evidence-rules';
import type { EvidenceFile } from '@/lib/form/draft';
import { isKnownKey, type MessageKey } from '@/lib/i18n/message-keys';
import { useObjectUrlRef } from '@/app/appeal/_components/use-object-url';
import { useFormatBytes } from '@/app/appeal/_components/use-format-bytes';

import styles from './EvidenceThumb.module.css';

/** The id of a file's Replace button: focus goes there when the file is the replacement of another. */
export const replaceButtonId = (fileId: string) => `replace-${fileId}`;

/** One chosen file: a preview (or its kind), name, size, remarks from the checks, Replace and Remove. */
export function EvidenceThumb({
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
  const formatBytes = useFormatBytes();
  const replaceRef = useRef<HTMLInputElement>(null);
  const isPdf = file.kind === 'pdf';
  const previewable = !isPdf && file.kind !== 'heic';

  const previewRef = useObjectUrlRef<HTMLImageElement>(previewable ? file.blob : null);

  const shrunk = file.blob.size < file.originalSize;
  return (
    <li className={styles.thumb}>
      <div className={styles.image}>
        {previewable ? (
          // Local blob previews: next/image would route them through the optimiser for nothing.
          // eslint-disable-next-line @next/next/no-img-element
          <img ref={previewRef} alt={t('previewOf', { name: file.name })} />
        ) : (
          <span className={styles.fileIcon} aria-hidden="true">
            {isPdf ? 'PDF' : file.kind.toUpperCase()}
          </span>
        )}
      </div>
      <div className={styles.info}>
        <span className={styles.fileName}>{file.name}</span>
        <span className={styles.fileSize}>
          {shrunk
            ? t('sizeShrunk', { from: formatBytes(file.originalSize), to: formatBytes(file.blob.size) })
            : formatBytes(file.blob.size)}
        </span>
        {file.notes.length > 0 ? (
          <ul className="notes">
            {file.notes.map((note, index) => (
              <li key={`${note.key}-${index}`} className={`note ${note.tone}`}>
                {isKnownKey<MessageKey<'assistant'>>(tAssistant.has, note.key) ? tAssistant(note.key, note.values ?? {}) : note.key}
              </li>
            ))}
          </ul>
        ) : null}
        <div className={styles.actions}>
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
          <button type="button" id={replaceButtonId(file.id)} className="button small" onClick={() => replaceRef.current?.click()}>
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
