'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import type { DeviceValues, EvidenceFile } from '@/lib/form/draft';
import { ErrorSummary } from '@/app/appeal/_components/ErrorSummary';
import { LockCodeFeedback } from '@/app/appeal/_components/LockCodeFeedback';
import { ImeiFeedback } from '@/app/appeal/_components/ImeiFeedback';
import { prefetch } from '@/app/appeal/_components/prefetch';
import { StepActions } from '@/app/appeal/_components/StepActions';
import { TextField, type TextFieldSpec, type TextFieldWiring } from '@/app/appeal/_components/TextField';
import { useStepForm } from '@/app/appeal/_components/use-step-form';
import { Help } from '@/app/_components/Help';

import styles from './StepDevice.module.css';

// The evidence assistant's "read the IMEI from a photo" (issue 6), in its own small chunk (the
// photo preparation and the check load only when its file picker opens), drawn in the browser
// only: a photo picked before hydration would be lost, and Turbopack's server render of a
// next/dynamic nested in another one (this step is one) preloads a chunk the client build never
// emits (a 404 on /appeal; vercel/next.js#98804).
const ImeiFromPhoto = dynamic(() => import('@/app/appeal/_components/assistant/ImeiFromPhoto'), { ssr: false });

// The first step the page shows: zod loads on first focus instead of with the page.
const loadDeviceSchema = () => import('@/lib/appeal/schema').then((m) => m.ZDeviceStepSchema);

type DeviceField = keyof DeviceValues;

const CODE = { type: 'text', autoComplete: 'off', spellCheck: false } as const;
const IMEI = { ...CODE, inputMode: 'numeric', className: styles.imeiInput } as const;

const FIELDS: { [N in DeviceField]: TextFieldSpec<N> } = {
  imei: { name: 'imei', ...IMEI },
  imei2: { name: 'imei2', optional: true, ...IMEI },
  lockCode: { name: 'lockCode', optional: true, ...CODE, autoCapitalize: 'characters' },
  serialNumber: { name: 'serialNumber', optional: true, ...CODE },
  model: { name: 'model', optional: true, type: 'text', autoComplete: 'off' },
};

const WHERE_TO_FIND = ['box', 'receipt', 'warranty', 'dial'] as const;
const LOCK_CODE_STEPS = ['how1', 'how2', 'how3'] as const;

export default function StepDevice({
  values,
  serverErrors,
  checkOnOpen,
  onChange,
  onLabelPhoto,
  onNext,
}: {
  values: DeviceValues;
  serverErrors: Record<string, string>;
  /** The user has been past this step: it is checked as it opens (see useStepForm). */
  checkOnOpen: boolean;
  onChange: (values: DeviceValues) => void;
  /** The box-label photo read here, to add to the box photos on the Proof step. */
  /** Adds the label photo to the box photos; false when it was there already or the zone is full. */
  onLabelPhoto: (file: EvidenceFile) => boolean;
  onNext: () => void;
}) {
  const t = useTranslations('form');
  const { form, submit, summary, attempt, fieldError, control } = useStepForm({
    schema: loadDeviceSchema,
    values,
    serverErrors,
    checkOnOpen,
    onChange,
    onValid: onNext,
    labelOf: (field) => t(`device.${field}.label`),
  });
  const { watch, setValue } = form;
  // A saved lock code opens its disclosure when the step opens, and only then: following the field
  // as it is typed would shut the disclosure, focused field and all, when the field is emptied.
  const [lockCodeSaved] = useState(() => values.lockCode !== '');
  const wiring: TextFieldWiring<DeviceField> = {
    text: (name) => ({ label: t(`device.${name}.label`), hint: t(`device.${name}.hint`) }),
    optionalText: t('optional'),
    fieldError,
    control,
  };
  const setField = (field: DeviceField, value: string) => setValue(field, value, { shouldDirty: true, shouldValidate: attempt > 0 });
  const imeiLive = (field: 'imei' | 'imei2') => (
    <ImeiFeedback
      id={`${field}-live`}
      value={watch(field) ?? ''}
      onUse={(suggestion) => {
        setField(field, suggestion);
        document.getElementById(field)?.focus();
      }}
      hasFieldError={Boolean(fieldError(field))}
    />
  );

  return (
    <form onSubmit={(event) => void submit(event)} onFocusCapture={() => prefetch(loadDeviceSchema)} noValidate>
      <ErrorSummary items={summary} focusKey={attempt} />
      <p className="step-intro">{t('device.intro')}</p>

      <TextField spec={FIELDS.imei} wiring={wiring} live={imeiLive('imei')} />
      <Help summary={t('device.where.summary')}>
        <ul>
          {WHERE_TO_FIND.map((key) => (
            <li key={key}>{t(`device.where.${key}`)}</li>
          ))}
        </ul>
      </Help>
      <ImeiFromPhoto getValues={() => ({ ...values, ...form.getValues() })} setValue={setField} onPhoto={onLabelPhoto} />

      <TextField spec={FIELDS.imei2} wiring={wiring} live={imeiLive('imei2')} />
      <Help open={lockCodeSaved || undefined} summary={t('device.lockCode.summary')}>
        <ol>
          {LOCK_CODE_STEPS.map((key) => (
            <li key={key}>{t(`device.lockCode.${key}`)}</li>
          ))}
        </ol>
        <TextField
          spec={FIELDS.lockCode}
          wiring={wiring}
          live={
            <LockCodeFeedback
              id="lockCode-live"
              value={watch('lockCode') ?? ''}
              onUse={(code) => {
                setField('lockCode', code);
                document.getElementById('lockCode')?.focus();
              }}
            />
          }
        />
      </Help>

      <TextField spec={FIELDS.serialNumber} wiring={wiring} />
      <TextField spec={FIELDS.model} wiring={wiring} />

      <StepActions />
    </form>
  );
}
