'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useRef } from 'react';

import { EVIDENCE_ROLES, receiptZoneHoldsSaleRecord } from '@/lib/appeal/evidence-rules';
import { normalizeLockCode } from '@/lib/appeal/lock-code';
import { FIRST_BUYER_RECEIPT, PURCHASE_CHANNELS, SALE_VENUES } from '@/lib/appeal/schema';
import { countryName } from '@/lib/countries';
import { formatLongDate } from '@/lib/i18n/format';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { buildAppealFormData, uploadBytes } from '@/lib/form/appeal-payload';
import type { AppealDraft, EvidenceFile } from '@/lib/form/draft';
import { incompleteSteps } from '@/lib/form/step-problems';
import type { FormStep } from '@/lib/form/steps';
import { EmailSuggestion } from '@/app/appeal/_components/EmailSuggestion';
import { GeneratePanel } from '@/app/appeal/_components/GeneratePanel';
import { ImeiDigits } from '@/app/appeal/_components/ImeiDigits';
import { ReviewSection, type ReviewRow } from '@/app/appeal/_components/ReviewSection';
import { ActionRow } from '@/app/appeal/_components/StepActions';

type ReviewedStep = Exclude<FormStep, 'review'>;
const REVIEWED_STEPS: ReviewedStep[] = ['device', 'purchase', 'evidence', 'contact'];

/** Everything on one screen, each section with a way back to the step that asks for it. */
export default function StepReview({
  draft,
  files,
  onEdit,
  onBack,
  onPdf,
  onFieldErrors,
  onUseContactEmail,
}: {
  draft: AppealDraft;
  files: EvidenceFile[];
  onEdit: (step: FormStep) => void;
  onBack: () => void;
  /** The PDF made, with the language it was asked for in. */
  onPdf: (pdf: Blob, fileName: string | null, locale: Locale) => void;
  onFieldErrors: (fields: Record<string, string>) => string[];
  /** The contact address replaced by the one the typo check suggested. */
  onUseContactEmail: (address: string) => void;
}) {
  const t = useTranslations('form');
  const locale = useLocale();
  const appealLocale = isLocale(locale) ? locale : 'en';
  const incomplete = useMemo(() => incompleteSteps(draft, files), [draft, files]);
  const sizes = uploadBytes(files);
  const dash = t('review.empty');
  const channel = PURCHASE_CHANNELS.find((known) => known === draft.purchase.purchaseChannel);
  const show = (value: string) => (value.trim() === '' ? dash : value);
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : dash);
  const { device, purchase, contact } = draft;
  const emailRef = useRef<HTMLSpanElement>(null);

  // Written as the letter writes it ("14 March 2025", not next-intl's American "March 14, 2025"):
  // the user checks here what the letter will say.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(purchase.purchaseDate) ? formatLongDate(purchase.purchaseDate, appealLocale) : show(purchase.purchaseDate);

  const rows: Record<ReviewedStep, ReviewRow[]> = {
    device: [
      { label: t('device.imei.label'), value: device.imei ? <ImeiDigits value={device.imei} /> : dash },
      { label: t('device.imei2.label'), value: device.imei2 ? <ImeiDigits value={device.imei2} /> : dash },
      // As the letter gives it: spaces taken out.
      { label: t('device.lockCode.label'), value: show(normalizeLockCode(device.lockCode)) },
      { label: t('device.serialNumber.label'), value: show(device.serialNumber) },
      { label: t('device.model.label'), value: show(device.model) },
    ],
    purchase: [
      { label: t('purchase.country.label'), value: purchase.country ? countryName(purchase.country, locale) : dash },
      { label: t('purchase.recipient.label'), value: show(draft.recipient) },
      { label: t('purchase.channel.label'), value: channel ? t(`purchase.channel.${channel}`) : dash },
      { label: t('purchase.sellerName.label'), value: show(purchase.sellerName) },
      { label: t('purchase.purchaseDate.label'), value: date },
      { label: t('purchase.orderNumber.label'), value: show(purchase.orderNumber) },
      { label: t('purchase.price.label'), value: show(purchase.price) },
      ...(channel === 'second-hand'
        ? [
            { label: t('purchase.saleVenue.review'), value: isOneOf(purchase.saleVenue, SALE_VENUES) ? t(`purchase.saleVenue.${purchase.saleVenue}`) : dash },
            {
              label: t('purchase.firstBuyerReceipt.review'),
              value: isOneOf(purchase.firstBuyerReceipt, FIRST_BUYER_RECEIPT)
                ? t(`purchase.firstBuyerReceipt.${purchase.firstBuyerReceipt === 'no' && purchase.saleVenue === 'shop' ? 'noShop' : purchase.firstBuyerReceipt}`)
                : dash,
            },
          ]
        : []),
    ],
    evidence: [
      ...EVIDENCE_ROLES.map((role) => ({
        label: t(`evidence.zones.${role}.title`),
        value: list(files.filter((f) => f.role === role).map((f) => f.name)),
      })),
      // Asked, and sent, only with a receipt, never with a second-hand sale record.
      ...(files.some((f) => f.role === 'receipt') && !receiptZoneHoldsSaleRecord(purchase)
        ? [{ label: t('evidence.receiptShows.legend'), value: list(draft.receiptShows.map((fact) => t(`evidence.receiptShows.${fact}`))) }]
        : []),
    ],
    contact: [
      { label: t('contact.ownerName.label'), value: show(contact.ownerName) },
      {
        label: t('contact.contactEmail.label'),
        // Support replies to this address: the contact step's "Did you mean …?" is asked again
        // here, the last look before the appeal is made, with the same one-tap fix.
        value: (
          <>
            <span ref={emailRef} tabIndex={-1}>
              {show(contact.contactEmail)}
            </span>
            <EmailSuggestion
              id="review-contactEmail-live"
              value={contact.contactEmail}
              checked={contact.contactEmail}
              onUse={(address) => {
                onUseContactEmail(address);
                // The button goes with the question: focus the address it put in its place.
                emailRef.current?.focus();
              }}
            />
          </>
        ),
      },
      { label: t('contact.contactPhone.label'), value: show(contact.contactPhone) },
      { label: t('contact.linkedAccount.label'), value: show(contact.linkedAccount) },
      { label: t('contact.accountHint.label'), value: show(contact.accountHint) },
      { label: t('contact.notes.label'), value: show(contact.notes), multiline: true },
    ],
  };

  return (
    <div className="review">
      <p className="step-intro">{t('review.intro')}</p>
      <p className="case-reference">
        {t('review.caseReference')} <strong>{draft.caseReference}</strong>
      </p>

      {REVIEWED_STEPS.map((step) => (
        <ReviewSection
          key={step}
          step={step}
          title={t(`steps.${step}`)}
          problem={incomplete.includes(step) ? t('review.incomplete') : undefined}
          rows={rows[step]}
          onEdit={onEdit}
        />
      ))}

      <GeneratePanel
        buildBody={() => buildAppealFormData(draft, files, appealLocale)}
        uploadSize={sizes.sent}
        originalSize={sizes.original}
        blockedReason={incomplete.length > 0 ? t('generate.blocked') : null}
        onPdf={(pdf, fileName) => onPdf(pdf, fileName, appealLocale)}
        onFieldErrors={onFieldErrors}
      />

      <ActionRow>
        <button type="button" className="button" onClick={onBack}>
          {t('back')}
        </button>
      </ActionRow>
    </div>
  );
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return (options as readonly string[]).includes(value);
}
