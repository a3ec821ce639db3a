'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';

import { ACCEPT_ATTRIBUTE } from '@/lib/appeal/evidence-rules';
import { prepareOne } from '@/lib/form/add-evidence';
import type { EvidenceFile } from '@/lib/form/draft';
import { requestEvidenceCheck } from '@/lib/form/evidence-check-client';
import { fillFromLabel, mismatchedImeis, notesFromCheck, notesFromFailure, type ImeiField, type ImeiFields } from '@/lib/form/label-notes';
import { isLocale } from '@/lib/i18n/locales';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'read'; imeis: string[]; filled: string[]; mismatched: string[] }
  | { kind: 'failed'; message: string | null };

/**
 * On the device step, where the IMEI is asked: pick a photo of the box label and the empty IMEI
 * fields are filled from its barcodes (never a field the user typed). The photo is proof as well:
 * it is prepared like any box photo and handed up (`onPhoto`) to join the Proof step's box photos,
 * already checked, so nobody has to pick it twice.
 */
export default function ImeiFromPhoto({
  getValues,
  setValue,
  onPhoto,
}: {
  getValues: () => ImeiFields;
  setValue: (field: ImeiField, value: string) => void;
  onPhoto: (file: EvidenceFile) => void;
}) {
  const t = useTranslations('assistant.label');
  const tErrors = useTranslations('errors');
  const rawLocale = useLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [state, setState] = useState<State>({ kind: 'idle' });

  const read = async (file: File) => {
    setState({ kind: 'reading' });
    // Checked and shrunk as on the Proof step: a damaged photo is refused here with the same words.
    const photo = await prepareOne(file, 'boxPhoto', Date.now());
    if ('key' in photo) {
      setState({ kind: 'failed', message: tErrors(photo.key, { ...photo.values, file: photo.name }) });
      return;
    }
    const outcome = await requestEvidenceCheck(photo, locale);
    // A photo the server refused would only be refused again with the appeal: it is not added.
    if (outcome.kind !== 'refused') {
      // With the check's signed reading, so the bundle neither reads this label nor decodes this photo again.
      const checked = outcome.kind === 'checked' ? { notes: notesFromCheck(outcome.check, 'boxPhoto'), labelToken: outcome.check.labelToken } : { notes: notesFromFailure(null) };
      onPhoto({ ...photo, ...checked });
    }
    if (outcome.kind !== 'checked') {
      setState({ kind: 'failed', message: outcome.kind === 'refused' ? outcome.message : null });
      return;
    }
    const { imeis } = outcome.check;
    const current = getValues();
    const { device, filled } = fillFromLabel(current, imeis);
    for (const field of filled) setValue(field, device[field]);
    setState({ kind: 'read', imeis, filled: filled.map((field) => device[field]), mismatched: mismatchedImeis(current, imeis).map((m) => m.typed) });
  };

  const list = (imeis: readonly string[]) => imeis.join(', ');
  return (
    <div className="imei-from-photo">
      <span className="file-picker">
        <input
          id="imei-photo"
          type="file"
          accept={ACCEPT_ATTRIBUTE.boxPhoto}
          className="visually-hidden"
          aria-describedby="imei-photo-hint"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void read(file);
          }}
        />
        <label htmlFor="imei-photo" className="button">
          {t('fromPhoto')}
        </label>
      </span>
      <p className="hint" id="imei-photo-hint">
        {t('fromPhotoHint')}
      </p>
      <div aria-live="polite">
        {state.kind === 'reading' ? <p className="busy">{t('reading')}</p> : null}
        {state.kind === 'failed' ? <p className="note warning">{state.message ? t('failed', { message: state.message }) : t('unavailable')}</p> : null}
        {state.kind === 'read' && state.imeis.length === 0 ? <p className="note warning">{t('none')}</p> : null}
        {state.kind === 'read' && state.filled.length > 0 ? (
          <p className="note info" data-testid="imei-photo-filled">
            {t('fromPhotoFilled', { imeis: list(state.filled) })}
          </p>
        ) : null}
        {state.kind === 'read' && state.imeis.length > 0 && state.filled.length === 0 && state.mismatched.length === 0 ? (
          <p className="note info">{t('fromPhotoNothingEmpty', { imeis: list(state.imeis) })}</p>
        ) : null}
        {state.kind === 'read' ? (
          <p className="note info" data-testid="imei-photo-added">
            {t('fromPhotoAdded')}
          </p>
        ) : null}
        {state.kind === 'read'
          ? state.mismatched.map((typed) => (
              <p key={typed} className="note warning">
                {t('mismatch', { typed, label: list(state.imeis) })}
              </p>
            ))
          : null}
      </div>
    </div>
  );
}
