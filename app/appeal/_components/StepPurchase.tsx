'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';

import { EARLIEST_PURCHASE_DATE, FIELD_MAX, PURCHASE_CHANNELS, ZPurchaseStepSchema } from '@/lib/appeal/schema';
import { COUNTRY_CODES, countryName } from '@/lib/countries';
import type { PurchaseValues } from '@/lib/form/draft';
import { localTodayIso } from '@/lib/form/dates';
import { ErrorSummary } from '@/app/appeal/_components/ErrorSummary';
import { Field, describedBy } from '@/app/appeal/_components/Field';
import { RecipientBox } from '@/app/appeal/_components/RecipientBox';
import { StepActions } from '@/app/appeal/_components/StepActions';
import { useStepForm } from '@/app/appeal/_components/use-step-form';

export default function StepPurchase({
  values,
  recipient,
  recipientEdited,
  serverErrors,
  onChange,
  onRecipientChange,
  onNext,
  onBack,
}: {
  values: PurchaseValues;
  recipient: string;
  recipientEdited: boolean;
  serverErrors: Record<string, string>;
  onChange: (values: PurchaseValues) => void;
  onRecipientChange: (recipient: string, edited: boolean) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const t = useTranslations('form');
  const locale = useLocale();
  const { form, submit, summary, attempt, fieldError, control } = useStepForm({
    schema: ZPurchaseStepSchema,
    values,
    serverErrors,
    onChange,
    onValid: onNext,
  });
  const { register, watch } = form;
  const country = watch('country');

  const countries = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [locale]);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary items={summary} focusKey={attempt} />
      <p className="step-intro">{t('purchase.intro')}</p>

      <Field id="country" label={t('purchase.country.label')} hint={t('purchase.country.hint')} error={fieldError('country')}>
        <select
          id="country"
          {...control('country')}
        >
          <option value="">{t('purchase.country.choose')}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>

      <RecipientBox
        country={country}
        recipient={recipient}
        edited={recipientEdited}
        onChange={onRecipientChange}
        serverError={serverErrors.recipient}
      />

      <fieldset
        className={fieldError('purchaseChannel') ? 'field has-error' : 'field'}
        aria-describedby={describedBy('purchaseChannel', { error: fieldError('purchaseChannel') })}
      >
        <legend>{t('purchase.channel.label')}</legend>
        {fieldError('purchaseChannel') ? (
          <p className="field-error" id="purchaseChannel-error">
            {fieldError('purchaseChannel')}
          </p>
        ) : null}
        <div className="choices">
          {PURCHASE_CHANNELS.map((channel, index) => (
            <label key={channel} className="choice">
              <input
                type="radio"
                value={channel}
                // The first radio carries the id the error summary links to.
                id={index === 0 ? 'purchaseChannel' : undefined}
                {...register('purchaseChannel')}
              />
              <span>{t(`purchase.channel.${channel}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <Field
        id="sellerName"
        label={t('purchase.sellerName.label')}
        hint={t('purchase.sellerName.hint')}
        optional
        optionalText={t('optional')}
        error={fieldError('sellerName')}
      >
        <input
          id="sellerName"
          type="text"
          maxLength={FIELD_MAX.sellerName}
          {...control('sellerName')}
        />
      </Field>

      <Field id="purchaseDate" label={t('purchase.purchaseDate.label')} hint={t('purchase.purchaseDate.hint')} error={fieldError('purchaseDate')}>
        <input
          id="purchaseDate"
          type="date"
          min={EARLIEST_PURCHASE_DATE}
          max={localTodayIso()}
          className="date-input"
          {...control('purchaseDate')}
        />
      </Field>

      <Field
        id="orderNumber"
        label={t('purchase.orderNumber.label')}
        hint={t('purchase.orderNumber.hint')}
        optional
        optionalText={t('optional')}
        error={fieldError('orderNumber')}
      >
        <input
          id="orderNumber"
          type="text"
          autoComplete="off"
          maxLength={FIELD_MAX.orderNumber}
          {...control('orderNumber')}
        />
      </Field>

      <Field
        id="price"
        label={t('purchase.price.label')}
        hint={t('purchase.price.hint')}
        optional
        optionalText={t('optional')}
        error={fieldError('price')}
      >
        <input
          id="price"
          type="text"
          maxLength={FIELD_MAX.price}
          {...control('price')}
        />
      </Field>

      <StepActions onBack={onBack} />
    </form>
  );
}
