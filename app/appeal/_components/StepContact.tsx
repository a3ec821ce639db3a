'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { FIELD_MAX, ZContactStepSchema } from '@/lib/appeal/schema';
import type { ContactValues } from '@/lib/form/draft';
import { EmailSuggestion } from '@/app/appeal/_components/EmailSuggestion';
import { ErrorSummary } from '@/app/appeal/_components/ErrorSummary';
import { StepActions } from '@/app/appeal/_components/StepActions';
import { TextField, type TextFieldSpec, type TextFieldWiring } from '@/app/appeal/_components/TextField';
import { useStepForm } from '@/app/appeal/_components/use-step-form';

type ContactField = keyof ContactValues;

const FIELDS: TextFieldSpec<ContactField>[] = [
  { name: 'ownerName', type: 'text', autoComplete: 'name', maxLength: FIELD_MAX.ownerName },
  { name: 'contactEmail', type: 'email', autoComplete: 'email', maxLength: FIELD_MAX.contactEmail },
  { name: 'contactPhone', type: 'tel', autoComplete: 'tel', maxLength: FIELD_MAX.contactPhone, optional: true },
  { name: 'linkedAccount', type: 'text', autoComplete: 'off', maxLength: FIELD_MAX.linkedAccount, optional: true },
  { name: 'accountHint', type: 'text', autoComplete: 'off', spellCheck: false, maxLength: FIELD_MAX.accountHint, optional: true },
  { name: 'notes', rows: 5, maxLength: FIELD_MAX.notes, optional: true },
];

export default function StepContact({
  values,
  serverErrors,
  checkOnOpen,
  onChange,
  onNext,
  onBack,
}: {
  values: ContactValues;
  serverErrors: Record<string, string>;
  /** The user has been past this step: it is checked as it opens (see useStepForm). */
  checkOnOpen: boolean;
  onChange: (values: ContactValues) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const t = useTranslations('form');
  const { form, submit, summary, attempt, fieldError, control } = useStepForm({
    schema: ZContactStepSchema,
    values,
    serverErrors,
    checkOnOpen,
    onChange,
    onValid: onNext,
    labelOf: (field) => t(`contact.${field}.label`),
  });
  const wiring: TextFieldWiring<ContactField> = {
    text: (name) => ({ label: t(`contact.${name}.label`), hint: t(`contact.${name}.hint`) }),
    optionalText: t('optional'),
    fieldError,
    control,
  };
  // The address as it was when the user left the box (or came back to the step with it).
  const [checkedEmail, setCheckedEmail] = useState(values.contactEmail);
  const emailLive = (
    <EmailSuggestion
      id="contactEmail-live"
      value={form.watch('contactEmail') ?? ''}
      checked={checkedEmail}
      onUse={(address) => {
        form.setValue('contactEmail', address, { shouldDirty: true, shouldValidate: attempt > 0 });
        setCheckedEmail(address);
        document.getElementById('contactEmail')?.focus();
      }}
    />
  );

  return (
    <form
      onSubmit={(event) => void submit(event)}
      onBlurCapture={(event) => {
        const box = event.target as EventTarget;
        if (box instanceof HTMLInputElement && box.id === 'contactEmail') setCheckedEmail(box.value);
      }}
      noValidate
    >
      <ErrorSummary items={summary} focusKey={attempt} />
      <p className="step-intro">{t('contact.intro')}</p>
      {FIELDS.map((spec) => (
        <TextField key={spec.name} spec={spec} wiring={wiring} live={spec.name === 'contactEmail' ? emailLive : undefined} />
      ))}
      <StepActions onBack={onBack} />
    </form>
  );
}
