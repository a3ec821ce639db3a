'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

import { requestEvidenceCheck } from '@/lib/form/evidence-check-client';
import {
  fillFromLabel,
  isChecked,
  isCurrentFile,
  labelImeisOf,
  leftEmptyByMismatch,
  mismatchedImeis,
  notesFromCheck,
  notesFromFailure,
  withCheckAnswer,
  type ImeiField,
} from '@/lib/form/label-notes';
import type { DeviceValues, EvidenceFile } from '@/lib/form/draft';
import { isLocale } from '@/lib/i18n/locales';
import { normalizeImeiInput } from '@/lib/imei';

/** Photos the assistant looks at: box photos (IMEIs and quality) and receipt photos (quality). */
function needsCheck(file: EvidenceFile): boolean {
  return (file.role === 'boxPhoto' || file.role === 'receipt') && file.kind !== 'pdf' && !isChecked(file.notes);
}

/**
 * The evidence step's assistant: each new box or receipt photo is sent, one at a time, to
 * /api/evidence-check; what comes back is written as notes under its thumbnail. IMEIs read from a
 * box label fill the IMEI fields that are still empty (never one the user typed), and a typed IMEI
 * the label contradicts is called out here and again on the review step; while it stands, the
 * label fills nothing (fillFromLabel), and the empty field is said to be left for the user.
 */
export default function BoxLabelAssistant({
  files,
  device,
  onFilesChange,
  onDeviceChange,
}: {
  files: EvidenceFile[];
  device: DeviceValues;
  onFilesChange: (update: (files: EvidenceFile[]) => EvidenceFile[]) => void;
  onDeviceChange: (device: DeviceValues) => void;
}) {
  const t = useTranslations('assistant.label');
  const tForm = useTranslations('form.device');
  const rawLocale = useLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [checkingId, setCheckingId] = useState<string | null>(null);
  const [filled, setFilled] = useState<ImeiField[]>([]);
  const started = useRef(new Set<string>());
  // Checks run one after the other: the server has two cores and other people to serve.
  const queue = useRef<Promise<void>>(Promise.resolve());
  // One per check queued or running, so that a photo removed or replaced, or the step left,
  // cancels its check: a late answer about a photo no longer there is never applied.
  const checks = useRef(new Map<string, { file: EvidenceFile; controller: AbortController }>());
  // The answer arrives later: it must fill the fields as they are then, not as they were, and
  // only while its photo is still among the files.
  const deviceRef = useRef(device);
  const filesRef = useRef(files);
  useEffect(() => {
    deviceRef.current = device;
  }, [device]);

  useEffect(() => {
    filesRef.current = files;
    // A photo removed or replaced (a replacement has a new id and new bytes): its check goes.
    for (const [id, { file, controller }] of checks.current) {
      if (!isCurrentFile(files, file)) {
        controller.abort();
        checks.current.delete(id);
      }
    }
    const pending = files
      .filter((f) => needsCheck(f) && !started.current.has(f.id))
      .sort((a, b) => Number(b.role === 'boxPhoto') - Number(a.role === 'boxPhoto'));
    for (const file of pending) {
      started.current.add(file.id);
      const controller = new AbortController();
      const { signal } = controller;
      checks.current.set(file.id, { file, controller });
      queue.current = queue.current
        .then(async () => {
          if (signal.aborted) return;
          setCheckingId(file.id);
          const outcome = await requestEvidenceCheck(file, locale, signal);
          // Cancelled (removed, replaced, step left) or, by any other path, no longer this photo.
          if (signal.aborted || !isCurrentFile(filesRef.current, file)) return;
          checks.current.delete(file.id);
          const notes =
            outcome.kind === 'checked' ? notesFromCheck(outcome.check, file.role) : notesFromFailure(outcome.kind === 'refused' ? outcome.message : null);
          // The signed reading travels with the appeal, so the bundle need not read the label again.
          const labelToken = outcome.kind === 'checked' ? outcome.check.labelToken : undefined;
          onFilesChange((current) => withCheckAnswer(current, file, notes, labelToken));
          if (outcome.kind === 'checked' && file.role === 'boxPhoto' && outcome.check.imeis.length > 0) {
            const result = fillFromLabel(deviceRef.current, outcome.check.imeis);
            if (result.filled.length > 0) {
              deviceRef.current = result.device;
              onDeviceChange(result.device);
              setFilled((already) => [...already, ...result.filled]);
            }
          }
          setCheckingId(null);
        })
        .catch(() => {
          if (!signal.aborted) setCheckingId(null);
        });
    }
  }, [files, locale, onFilesChange, onDeviceChange]);

  // The step left: every check still queued or running is cancelled, and its photo counts as not
  // yet checked, so it is checked when the step is shown again (also after React's dev-mode remount).
  useEffect(() => {
    const running = checks.current;
    const asked = started.current;
    return () => {
      for (const [id, { controller }] of running) {
        controller.abort();
        asked.delete(id);
      }
      running.clear();
    };
  }, []);

  const hasBoxPhoto = files.some((f) => f.role === 'boxPhoto');
  if (!hasBoxPhoto) return null;

  const checkingBox = files.some((f) => f.id === checkingId && f.role === 'boxPhoto');
  const labelImeis = labelImeisOf(files);
  const mismatches = mismatchedImeis(device, labelImeis);
  const leftEmpty = leftEmptyByMismatch(device, labelImeis);
  const fieldLabel = (field: ImeiField) => tForm(`${field}.label`);

  return (
    <section className="card assistant-panel" aria-labelledby="assistant-label-title">
      <h2 id="assistant-label-title">{t('title')}</h2>
      <div aria-live="polite">
        {checkingBox ? <p className="busy">{t('reading')}</p> : null}
        {labelImeis.length > 0 ? <p>{t('found', { imeis: labelImeis.join(', ') })}</p> : null}
        <ul className="notes">
          {(['imei', 'imei2'] as const).map((field) => {
            const value = normalizeImeiInput(device[field]);
            if (value === '' || labelImeis.length === 0) return null;
            const mismatch = mismatches.find((m) => m.field === field);
            if (mismatch) {
              return (
                <li key={field} className="note warning" data-testid={`assistant-mismatch-${field}`}>
                  {fieldLabel(field)}: {t('mismatch', { typed: mismatch.typed, label: labelImeis.join(', ') })}
                </li>
              );
            }
            return (
              <li key={field} className="note info" data-testid={`assistant-imei-${field}`}>
                {fieldLabel(field)}: {value}. {filled.includes(field) ? t('filled') : t('matches')}
              </li>
            );
          })}
          {leftEmpty.map((field) => (
            <li key={`${field}-left-empty`} className="note warning" data-testid={`assistant-left-empty-${field}`}>
              {t('notFilled', { field })}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
