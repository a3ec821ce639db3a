'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';

import { prefetch } from '@/app/appeal/_components/prefetch';
import { ACCEPT_ATTRIBUTE, EVIDENCE_RULES } from '@/lib/appeal/evidence-rules';
import type { EvidenceFile } from '@/lib/form/draft';
import type { ImeiField, ImeiFields } from '@/lib/form/label-notes';
import { isLocale } from '@/lib/i18n/locales';

/** The photo preparation and the check, fetched when the file picker opens (or at the latest when a photo is picked). */
const loadReader = () => import('@/app/appeal/_components/assistant/read-label-photo');

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'read'; imeis: string[]; filled: string[]; mismatched: string[]; leftEmpty: ImeiField[]; added: boolean }
  | { kind: 'failed'; message: string | null };

/**
 * On the device step, where the IMEI is asked: pick a photo of the box label and the empty IMEI
 * fields are filled from its barcodes (never a field the user typed, and nothing while a typed
 * IMEI is not on the label). The photo is proof as well: it is prepared like any box photo and
 * handed up (`onPhoto`) to join the Proof step's box photos, already checked, so nobody has to
 * pick it twice.
 */
export default function ImeiFromPhoto({
  getValues,
  setValue,
  onPhoto,
}: {
  getValues: () => ImeiFields;
  setValue: (field: ImeiField, value: string) => void;
  /** Hands the photo up to join the box photos; false when it was not added. */
  onPhoto: (file: EvidenceFile) => boolean;
}) {
  const t = useTranslations('assistant.label');
  const tErrors = useTranslations('errors');
  const rawLocale = useLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [state, setState] = useState<State>({ kind: 'idle' });
  // The photo picked last: a slower reading of an earlier pick still adds its photo and fills
  // empty fields, but does not replace what is said about the later one.
  const latest = useRef(0);

  const read = async (file: File) => {
    const pick = ++latest.current;
    const show = (next: State) => {
      if (pick === latest.current) setState(next);
    };
    setState({ kind: 'reading' });
    // Offline since the page loaded: the same answer as a check that could not run.
    const reader = await loadReader().catch(() => null);
    const reading = reader ? await reader.readLabelPhoto(file, locale, getValues) : null;
    if (!reading) {
      show({ kind: 'failed', message: null });
      return;
    }
    if (reading.kind === 'rejected') {
      const { key, values, name } = reading.rejection;
      show({ kind: 'failed', message: tErrors(key, { ...values, file: name }) });
      return;
    }
    if (reading.kind === 'refused') {
      show({ kind: 'failed', message: reading.message });
      return;
    }
    if (reading.kind === 'unavailable') {
      // Not checked (offline): it was picked as the box label's photo, and joins them as such.
      onPhoto(reading.photo);
      show({ kind: 'failed', message: null });
      return;
    }
    // Filed as the box label only when its barcodes hold an IMEI: a receipt read here (it shows
    // the IMEI too) was filed as a box label, and the PDF then said no receipt was enclosed.
    const added = reading.imeis.length > 0 && onPhoto(reading.photo);
    for (const { field, value } of reading.filled) setValue(field, value);
    show({
      kind: 'read',
      imeis: reading.imeis,
      filled: reading.filled.map((f) => f.value),
      mismatched: reading.mismatched,
      leftEmpty: reading.leftEmpty,
      added,
    });
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
          onClick={() => prefetch(loadReader)}
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
            {state.imeis.length === 0 ? t('fromPhotoNoBarcode') : state.added ? t('fromPhotoAdded') : t('fromPhotoNotAdded', { max: EVIDENCE_RULES.boxPhoto.max })}
          </p>
        ) : null}
        {state.kind === 'read'
          ? state.mismatched.map((typed) => (
              <p key={typed} className="note warning">
                {t('mismatch', { typed, label: list(state.imeis) })}
              </p>
            ))
          : null}
        {state.kind === 'read'
          ? state.leftEmpty.map((field) => (
              <p key={field} className="note warning" data-testid="imei-photo-left-empty">
                {t('notFilled', { field })}
              </p>
            ))
          : null}
      </div>
    </div>
  );
}
