'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';

import { ACCEPT_ATTRIBUTE } from '@/lib/appeal/evidence-rules';
import { requestEvidenceCheck } from '@/lib/form/evidence-check-client';
import { fillFromLabel, mismatchedImeis, type ImeiField, type ImeiFields } from '@/lib/form/label-notes';
import { isLocale } from '@/lib/i18n/locales';
import { formatImei } from '@/lib/imei';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'read'; imeis: string[]; filled: string[]; mismatched: string[] }
  | { kind: 'failed'; message: string | null };

/**
 * On the device step, where the IMEI is asked: pick a photo of the box label and the empty IMEI
 * fields are filled from its barcodes (never a field the user typed). The photo itself is not
 * added to the evidence here; the hint asks for it on the Proof step.
 */
export default function ImeiFromPhoto({
  getValues,
  setValue,
}: {
  getValues: () => ImeiFields;
  setValue: (field: ImeiField, value: string) => void;
}) {
  const t = useTranslations('assistant.label');
  const rawLocale = useLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [state, setState] = useState<State>({ kind: 'idle' });

  const read = async (file: File) => {
    setState({ kind: 'reading' });
    const outcome = await requestEvidenceCheck({ blob: file, name: file.name, role: 'boxPhoto' }, locale);
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

  const list = (imeis: readonly string[]) => imeis.map(formatImei).join(', ');
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
        {state.kind === 'read'
          ? state.mismatched.map((typed) => (
              <p key={typed} className="note warning">
                {t('mismatch', { typed: formatImei(typed), label: list(state.imeis) })}
              </p>
            ))
          : null}
      </div>
    </div>
  );
}
