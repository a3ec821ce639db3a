'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';

import { EVIDENCE_ROLES } from '@/lib/appeal/evidence-rules';
import { countryName } from '@/lib/countries';
import { isLocale } from '@/lib/i18n/locales';
import { buildAppealFormData, uploadBytes } from '@/lib/form/appeal-payload';
import type { AppealDraft, EvidenceFile } from '@/lib/form/draft';
import { incompleteSteps } from '@/lib/form/step-problems';
import type { FormStep } from '@/lib/form/steps';
import { formatImei } from '@/lib/imei';
import { GeneratePanel } from '@/app/appeal/_components/GeneratePanel';

/** Everything on one screen, each section with a way back to the step that asks for it. */
export default function StepReview({
  draft,
  files,
  onEdit,
  onBack,
  onPdf,
  onFieldErrors,
}: {
  draft: AppealDraft;
  files: EvidenceFile[];
  onEdit: (step: FormStep) => void;
  onBack: () => void;
  onPdf: (pdf: Blob, fileName: string | null) => void;
  onFieldErrors: (fields: Record<string, string>) => string[];
}) {
  const t = useTranslations('form');
  const locale = useLocale();
  const problems = useMemo(() => {
    const out: Partial<Record<FormStep, string>> = {};
    for (const step of incompleteSteps(draft, files)) out[step] = t('review.incomplete');
    return out;
  }, [draft, files, t]);
  const sizes = uploadBytes(files);
  const format = useFormatter();
  const dash = t('review.empty');
  const show = (value: string) => (value.trim() === '' ? dash : value);

  const date = /^\d{4}-\d{2}-\d{2}$/.test(draft.purchase.purchaseDate)
    ? format.dateTime(new Date(`${draft.purchase.purchaseDate}T12:00:00`), { dateStyle: 'long' })
    : show(draft.purchase.purchaseDate);

  return (
    <div className="review">
      <p className="step-intro">{t('review.intro')}</p>
      <p className="case-reference">
        {t('review.caseReference')} <strong>{draft.caseReference}</strong>
      </p>

      <ReviewSection step="device" title={t('steps.device')} problem={problems.device} onEdit={onEdit}>
        <Row label={t('device.imei.label')} value={draft.device.imei ? formatImei(draft.device.imei) : dash} />
        <Row label={t('device.imei2.label')} value={draft.device.imei2 ? formatImei(draft.device.imei2) : dash} />
        <Row label={t('device.lockCode.label')} value={show(draft.device.lockCode)} />
        <Row label={t('device.serialNumber.label')} value={show(draft.device.serialNumber)} />
        <Row label={t('device.model.label')} value={show(draft.device.model)} />
      </ReviewSection>

      <ReviewSection step="purchase" title={t('steps.purchase')} problem={problems.purchase} onEdit={onEdit}>
        <Row label={t('purchase.country.label')} value={draft.purchase.country ? countryName(draft.purchase.country, locale) : dash} />
        <Row label={t('purchase.recipient.label')} value={show(draft.recipient)} />
        <Row
          label={t('purchase.channel.label')}
          value={draft.purchase.purchaseChannel ? t(`purchase.channel.${draft.purchase.purchaseChannel}`) : dash}
        />
        <Row label={t('purchase.sellerName.label')} value={show(draft.purchase.sellerName)} />
        <Row label={t('purchase.purchaseDate.label')} value={date} />
        <Row label={t('purchase.orderNumber.label')} value={show(draft.purchase.orderNumber)} />
        <Row label={t('purchase.price.label')} value={show(draft.purchase.price)} />
      </ReviewSection>

      <ReviewSection step="evidence" title={t('steps.evidence')} problem={problems.evidence} onEdit={onEdit}>
        {EVIDENCE_ROLES.map((role) => {
          const names = files.filter((f) => f.role === role).map((f) => f.name);
          return <Row key={role} label={t(`evidence.zones.${role}.title`)} value={names.length > 0 ? names.join(', ') : dash} />;
        })}
        <Row
          label={t('evidence.receiptShows.legend')}
          value={draft.receiptShows.length > 0 ? draft.receiptShows.map((fact) => t(`evidence.receiptShows.${fact}`)).join(', ') : dash}
        />
      </ReviewSection>

      <ReviewSection step="contact" title={t('steps.contact')} problem={problems.contact} onEdit={onEdit}>
        <Row label={t('contact.ownerName.label')} value={show(draft.contact.ownerName)} />
        <Row label={t('contact.contactEmail.label')} value={show(draft.contact.contactEmail)} />
        <Row label={t('contact.contactPhone.label')} value={show(draft.contact.contactPhone)} />
        <Row label={t('contact.linkedAccount.label')} value={show(draft.contact.linkedAccount)} />
        <Row label={t('contact.notes.label')} value={show(draft.contact.notes)} multiline />
      </ReviewSection>

      <GeneratePanel
        buildBody={() => buildAppealFormData(draft, files, isLocale(locale) ? locale : 'en')}
        uploadSize={sizes.sent}
        originalSize={sizes.original}
        blockedReason={Object.keys(problems).length > 0 ? t('generate.blocked') : null}
        onPdf={onPdf}
        onFieldErrors={onFieldErrors}
      />

      <div className="step-actions">
        <button type="button" className="button" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </div>
  );
}

function ReviewSection({
  step,
  title,
  problem,
  onEdit,
  children,
}: {
  step: FormStep;
  title: string;
  problem?: string;
  onEdit: (step: FormStep) => void;
  children: ReactNode;
}) {
  const t = useTranslations('form.review');
  return (
    <section className={problem ? 'review-section card has-error' : 'review-section card'} aria-labelledby={`review-${step}`}>
      <div className="review-head">
        <h2 id={`review-${step}`}>{title}</h2>
        <button type="button" className="button small" onClick={() => onEdit(step)}>
          {t('change')}
          <span className="visually-hidden"> {title}</span>
        </button>
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      <dl>{children}</dl>
    </section>
  );
}

function Row({ label, value, multiline }: { label: string; value: string; multiline?: boolean }) {
  return (
    <div className="row">
      <dt>{label}</dt>
      <dd className={multiline ? 'multiline' : undefined}>{value}</dd>
    </div>
  );
}
