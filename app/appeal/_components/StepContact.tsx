'use client';

import { useTranslations } from 'next-intl';

import { FIELD_MAX, ZContactStepSchema } from '@/lib/appeal/schema';
import type { ContactValues } from '@/lib/form/draft';
import { ErrorSummary } from '@/app/appeal/_components/ErrorSummary';
import { Field } from '@/app/appeal/_components/Field';
import { StepActions } from '@/app/appeal/_components/StepActions';
import { useStepForm } from '@/app/appeal/_components/use-step-form';

type TextField = { name: Exclude<keyof ContactValues, 'notes'>; type: string; autoComplete: string; optional: boolean };

const TEXT_FIELDS: TextField[] = [
  { name: 'ownerName', type: 'text', autoComplete: 'name', optional: false },
  { name: 'contactEmail', type: 'email', autoComplete: 'email', optional: false },
  { name: 'contactPhone', type: 'tel', autoComplete: 'tel', optional: true },
  { name: 'linkedAccount', type: 'text', autoComplete: 'off', optional: true },
];

export default function StepContact({
  values,
  serverErrors,
  onChange,
  onNext,
  onBack,
}: {
  values: ContactValues;
  serverErrors: Record<string, string>;
  onChange: (values: ContactValues) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const t = useTranslations('form');
  const { submit, summary, attempt, fieldError, control } = useStepForm({
    schema: ZContactStepSchema,
    values,
    serverErrors,
    onChange,
    onValid: onNext,
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary items={summary} focusKey={attempt} />
      <p className="step-intro">{t('contact.intro')}</p>

      {TEXT_FIELDS.map(({ name, type, autoComplete, optional }) => (
        <Field
          key={name}
          id={name}
          label={t(`contact.${name}.label`)}
          hint={t(`contact.${name}.hint`)}
          optional={optional}
          optionalText={t('optional')}
          error={fieldError(name)}
        >
          <input
            id={name}
            type={type}
            autoComplete={autoComplete}
            maxLength={FIELD_MAX[name]}
            {...control(name)}
          />
        </Field>
      ))}

      <Field
        id="notes"
        label={t('contact.notes.label')}
        hint={t('contact.notes.hint')}
        optional
        optionalText={t('optional')}
        error={fieldError('notes')}
      >
        <textarea
          id="notes"
          rows={5}
          maxLength={FIELD_MAX.notes}
          {...control('notes')}
        />
      </Field>

      <StepActions onBack={onBack} />
    </form>
  );
}
