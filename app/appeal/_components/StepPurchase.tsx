'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';

import { EARLIEST_PURCHASE_DATE, FIELD_MAX, FIRST_BUYER_RECEIPT, PURCHASE_CHANNELS, SALE_VENUES, ZPurchaseStepSchema } from '@/lib/appeal/schema';
import { COUNTRY_CODES, countryName } from '@/lib/countries';
import type { PurchaseValues } from '@/lib/form/draft';
import { recipientProblem } from '@/lib/form/email-address';
import { localTodayIso } from '@/lib/form/dates';
import { Choice, Choices } from '@/app/_components/Choice';
import { ErrorSummary } from '@/app/appeal/_components/ErrorSummary';
import { Field, describedBy } from '@/app/appeal/_components/Field';
import { RecipientBox } from '@/app/appeal/_components/RecipientBox';
import { StepActions } from '@/app/appeal/_components/StepActions';
import { TextField, type TextFieldSpec, type TextFieldWiring } from '@/app/appeal/_components/TextField';
import { useStepForm } from '@/app/appeal/_components/use-step-form';

type TextFieldName = Exclude<keyof PurchaseValues, 'country' | 'purchaseChannel' | 'saleVenue' | 'firstBuyerReceipt'>;

/** The text boxes after the country and the channel; the date's latest day is today, wherever the user is. */
const textFields = (today: string): TextFieldSpec<TextFieldName>[] => [
  { name: 'sellerName', type: 'text', maxLength: FIELD_MAX.sellerName, optional: true },
  { name: 'purchaseDate', type: 'date', min: EARLIEST_PURCHASE_DATE, max: today, className: 'date-input' },
  { name: 'orderNumber', type: 'text', autoComplete: 'off', maxLength: FIELD_MAX.orderNumber, optional: true },
  { name: 'price', type: 'text', maxLength: FIELD_MAX.price, optional: true },
];

export default function StepPurchase({
  values,
  recipient,
  recipientEdited,
  serverErrors,
  checkOnOpen,
  onChange,
  onRecipientChange,
  onNext,
  onBack,
}: {
  values: PurchaseValues;
  recipient: string;
  recipientEdited: boolean;
  serverErrors: Record<string, string>;
  /** The user has been past this step: it is checked as it opens (see useStepForm). */
  checkOnOpen: boolean;
  onChange: (values: PurchaseValues) => void;
  onRecipientChange: (recipient: string, edited: boolean) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const t = useTranslations('form');
  const locale = useLocale();
  // The recipient box shows once a country is chosen; until then the country's own error says enough.
  const shownRecipientProblem = values.country !== '' ? recipientProblem(recipient) : null;
  const { form, submit, summary, attempt, fieldError, control } = useStepForm({
    schema: ZPurchaseStepSchema,
    values,
    serverErrors,
    checkOnOpen,
    onChange,
    onValid: onNext,
    labelOf: (field) => {
      if (field === 'purchaseChannel') return t('purchase.channel.label');
      if (field === 'saleVenue' || field === 'firstBuyerReceipt') return t(`purchase.${field}.legend`);
      return t(`purchase.${field}.label`);
    },
    outside: [
      {
        fieldId: 'recipient',
        label: t('purchase.recipient.label'),
        error: shownRecipientProblem ? t(`purchase.recipient.${shownRecipientProblem}`) : undefined,
        after: 'country',
      },
    ],
  });
  const secondHand = form.watch('purchaseChannel') === 'second-hand';
  // A shop selling used phones gives a receipt of its own: that, not a chat, goes under "Receipt".
  const shop = form.watch('saleVenue') === 'shop';
  const wiring: TextFieldWiring<TextFieldName> = {
    // A second-hand buyer has no receipt in their own name to copy the seller and date from.
    text: (name) => ({
      label: t(`purchase.${name}.label`),
      hint: secondHand && (name === 'sellerName' || name === 'purchaseDate') ? t(`purchase.${name}.hintSecondHand`) : t(`purchase.${name}.hint`),
    }),
    optionalText: t('optional'),
    fieldError,
    control,
  };
  const channelError = fieldError('purchaseChannel');

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
        <select id="country" aria-required="true" {...control('country')}>
          <option value="">{t('purchase.country.choose')}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>

      <RecipientBox
        country={form.watch('country') ?? ''}
        recipient={recipient}
        edited={recipientEdited}
        onChange={onRecipientChange}
        serverError={serverErrors.recipient}
      />

      {/* A radiogroup, as a fieldset alone cannot be announced as required (aria-required is not
          allowed on a group, nor on a single radio). The choices after the date are optional. */}
      <fieldset
        className={channelError ? 'field has-error' : 'field'}
        role="radiogroup"
        aria-required="true"
        aria-labelledby="purchaseChannel-legend"
        aria-describedby={describedBy('purchaseChannel', { error: channelError })}
      >
        <legend id="purchaseChannel-legend">{t('purchase.channel.label')}</legend>
        {channelError ? (
          <p className="field-error" id="purchaseChannel-error">
            {channelError}
          </p>
        ) : null}
        <Choices>
          {/* The first radio carries the id the error summary links to. */}
          {PURCHASE_CHANNELS.map((channel, index) => (
            <Choice key={channel} type="radio" value={channel} id={index === 0 ? 'purchaseChannel' : undefined} {...form.register('purchaseChannel')}>
              {t(`purchase.channel.${channel}`)}
            </Choice>
          ))}
        </Choices>
      </fieldset>

      {textFields(localTodayIso()).map((spec) => (
        <TextField key={spec.name} spec={spec} wiring={wiring} />
      ))}

      {secondHand ? (
        <div className="second-hand" data-testid="second-hand">
          <p className="hint">{t('purchase.secondHand.intro')}</p>
          <fieldset className={fieldError('saleVenue') ? 'field has-error' : 'field'}>
            <legend>{t('purchase.saleVenue.legend')}</legend>
            {fieldError('saleVenue') ? <p className="field-error">{fieldError('saleVenue')}</p> : null}
            <Choices>
              {SALE_VENUES.map((venue, index) => (
                <Choice key={venue} type="radio" value={venue} id={index === 0 ? 'saleVenue' : undefined} {...form.register('saleVenue')}>
                  {t(`purchase.saleVenue.${venue}`)}
                </Choice>
              ))}
            </Choices>
          </fieldset>
          <fieldset className={fieldError('firstBuyerReceipt') ? 'field has-error' : 'field'}>
            <legend>{t('purchase.firstBuyerReceipt.legend')}</legend>
            {fieldError('firstBuyerReceipt') ? <p className="field-error">{fieldError('firstBuyerReceipt')}</p> : null}
            <Choices>
              {FIRST_BUYER_RECEIPT.map((answer, index) => (
                <Choice key={answer} type="radio" value={answer} id={index === 0 ? 'firstBuyerReceipt' : undefined} {...form.register('firstBuyerReceipt')}>
                  {t(`purchase.firstBuyerReceipt.${answer === 'no' && shop ? 'noShop' : answer}`)}
                </Choice>
              ))}
            </Choices>
          </fieldset>
        </div>
      ) : null}

      <StepActions onBack={onBack} />
    </form>
  );
}
