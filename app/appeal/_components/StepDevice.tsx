'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';

import type { DeviceValues } from '@/lib/form/draft';
import { ErrorSummary } from '@/app/appeal/_components/ErrorSummary';
import { Field } from '@/app/appeal/_components/Field';
import { ImeiFeedback } from '@/app/appeal/_components/ImeiFeedback';
import { StepActions } from '@/app/appeal/_components/StepActions';
import { useStepForm } from '@/app/appeal/_components/use-step-form';

// The evidence assistant's "read the IMEI from a photo" (issue 6), in its own small chunk.
const ImeiFromPhoto = dynamic(() => import('@/app/appeal/_components/assistant/ImeiFromPhoto'));

// The first step the page shows: zod loads on first focus instead of with the page.
const loadDeviceSchema = () => import('@/lib/appeal/schema').then((m) => m.ZDeviceStepSchema);

export default function StepDevice({
  values,
  serverErrors,
  onChange,
  onNext,
}: {
  values: DeviceValues;
  serverErrors: Record<string, string>;
  onChange: (values: DeviceValues) => void;
  onNext: () => void;
}) {
  const t = useTranslations('form');
  const { form, submit, summary, attempt, fieldError, control } = useStepForm({
    schema: loadDeviceSchema,
    values,
    serverErrors,
    onChange,
    onValid: onNext,
  });
  const { watch, setValue } = form;
  const imei = watch('imei');
  const imei2 = watch('imei2');
  const lockCode = watch('lockCode');
  const useSuggestion = (field: 'imei' | 'imei2') => (suggestion: string) => {
    setValue(field, suggestion, { shouldDirty: true, shouldValidate: attempt > 0 });
    document.getElementById(field)?.focus();
  };

  return (
    <form onSubmit={(event) => void submit(event)} onFocusCapture={() => void loadDeviceSchema()} noValidate>
      <ErrorSummary items={summary} focusKey={attempt} />
      <p className="step-intro">{t('device.intro')}</p>

      <Field
        id="imei"
        label={t('device.imei.label')}
        hint={t('device.imei.hint')}
        error={fieldError('imei')}
        after={<ImeiFeedback id="imei-live" value={imei} onUse={useSuggestion('imei')} hasFieldError={Boolean(fieldError('imei'))} />}
      >
        <input
          id="imei"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="imei-input"
          {...control('imei', 'imei-live')}
        />
      </Field>

      <details className="help">
        <summary>{t('device.where.summary')}</summary>
        <ul>
          <li>{t('device.where.box')}</li>
          <li>{t('device.where.receipt')}</li>
          <li>{t('device.where.warranty')}</li>
          <li>{t('device.where.dial')}</li>
        </ul>
      </details>
      <ImeiFromPhoto getValues={() => form.getValues()} setValue={(field, value) => setValue(field, value, { shouldDirty: true, shouldValidate: attempt > 0 })} />

      <Field
        id="imei2"
        label={t('device.imei2.label')}
        hint={t('device.imei2.hint')}
        optional
        optionalText={t('optional')}
        error={fieldError('imei2')}
        after={<ImeiFeedback id="imei2-live" value={imei2} onUse={useSuggestion('imei2')} hasFieldError={Boolean(fieldError('imei2'))} />}
      >
        <input
          id="imei2"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="imei-input"
          {...control('imei2', 'imei2-live')}
        />
      </Field>

      <details className="help lock-code" open={lockCode !== '' || undefined}>
        <summary>{t('device.lockCode.summary')}</summary>
        <ol>
          <li>{t('device.lockCode.how1')}</li>
          <li>{t('device.lockCode.how2')}</li>
          <li>{t('device.lockCode.how3')}</li>
        </ol>
        <Field
          id="lockCode"
          label={t('device.lockCode.label')}
          hint={t('device.lockCode.hint')}
          optional
          optionalText={t('optional')}
          error={fieldError('lockCode')}
        >
          <input
            id="lockCode"
            type="text"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            {...control('lockCode')}
          />
        </Field>
      </details>

      <Field
        id="serialNumber"
        label={t('device.serialNumber.label')}
        hint={t('device.serialNumber.hint')}
        optional
        optionalText={t('optional')}
        error={fieldError('serialNumber')}
      >
        <input
          id="serialNumber"
          type="text"
          autoComplete="off"
          spellCheck={false}
          {...control('serialNumber')}
        />
      </Field>

      <Field
        id="model"
        label={t('device.model.label')}
        hint={t('device.model.hint')}
        optional
        optionalText={t('optional')}
        error={fieldError('model')}
      >
        <input
          id="model"
          type="text"
          autoComplete="off"
          {...control('model')}
        />
      </Field>

      <StepActions />
    </form>
  );
}
