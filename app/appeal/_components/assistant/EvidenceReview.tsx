'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

import { countEvidence, receiptFactsInForce, receiptZoneHoldsSaleRecord } from '@/lib/appeal/evidence-rules';
import { FIRST_BUYER_RECEIPT, PURCHASE_CHANNELS, RECEIPT_FACTS, SALE_VENUES, type FirstBuyerReceipt, type PurchaseChannel, type SaleVenue } from '@/lib/appeal/schema';
import { labelImeisOf, mismatchedImeis } from '@/lib/form/label-notes';
import { assessEvidence, PROOF_KINDS, proofKindsFor, receiptChecklist, type EvidenceContext, type ProofKind } from '@/lib/appeal/receipt-checklist';
import type { AppealDraft, EvidenceFile } from '@/lib/form/draft';
import { normalizeImeiInput } from '@/lib/imei';
import { Choice, Choices } from '@/app/_components/Choice';
import { Help } from '@/app/_components/Help';

/** The proof-kind answer is advice only, not part of the appeal: kept in this browser per case. */
const storageKey = (caseReference: string) => `appeal-kit.assistant.${caseReference}`;

function readContext(caseReference: string): EvidenceContext {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(caseReference)) ?? '{}');
    if (typeof saved !== 'object' || saved === null) return {};
    const { proofKind } = saved as Record<string, unknown>;
    return { proofKind: (PROOF_KINDS as readonly unknown[]).includes(proofKind) ? (proofKind as ProofKind) : undefined };
  } catch {
    return {};
  }
}

/**
 * The review step's honest look at the evidence before the PDF is made: a typed IMEI the box
 * label contradicts, photos that may not be readable, and weak proof of purchase. It warns and
 * never blocks.
 */
export default function EvidenceReview({ draft, files }: { draft: AppealDraft; files: EvidenceFile[] }) {
  const t = useTranslations('assistant');
  const tForm = useTranslations('form.device');
  const [context, setContext] = useState<EvidenceContext>({});
  useEffect(() => {
    // localStorage exists only in the browser, after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setContext(readContext(draft.caseReference));
  }, [draft.caseReference]);
  const update = (change: EvidenceContext) => {
    const next = { ...context, ...change };
    setContext(next);
    try {
      localStorage.setItem(storageKey(draft.caseReference), JSON.stringify(next));
    } catch {
      // Private mode: the answer simply is not remembered.
    }
  };

  const channel = (PURCHASE_CHANNELS as readonly string[]).includes(draft.purchase.purchaseChannel)
    ? (draft.purchase.purchaseChannel as PurchaseChannel)
    : 'other-seller';
  const { firstBuyerReceipt, saleVenue } = draft.purchase;
  const counts = countEvidence(files);
  // The ticks of a receipt since removed, or made before the purchase answers said the zone holds
  // a sale record, stay in the draft, but describe nothing here.
  const receiptShows = receiptFactsInForce(RECEIPT_FACTS.filter((fact) => draft.receiptShows.includes(fact)), counts, draft.purchase);
  const warnings = assessEvidence(
    {
      receiptShows,
      purchaseChannel: channel,
      firstBuyerReceipt: (FIRST_BUYER_RECEIPT as readonly string[]).includes(firstBuyerReceipt) ? (firstBuyerReceipt as FirstBuyerReceipt) : '',
      saleVenue: (SALE_VENUES as readonly string[]).includes(saleVenue) ? (saleVenue as SaleVenue) : '',
      orderNumber: draft.purchase.orderNumber.trim(),
      imei: normalizeImeiInput(draft.device.imei),
      lockCode: draft.device.lockCode.trim(),
    },
    { ...context, files: counts },
  );
  const labelImeis = labelImeisOf(files);
  const mismatches = mismatchedImeis(draft.device, labelImeis);
  const photoProblems = files.flatMap((file) =>
    file.notes.filter((note) => /^photo\.\w+\.title$/.test(note.key)).map((note) => ({ file: file.name, note })),
  );
  // "All good" only once the user has said what their proof is: before that we cannot know.
  const allGood = context.proofKind !== undefined && warnings.length === 0 && mismatches.length === 0 && photoProblems.length === 0;

  return (
    <section className="card assistant-review" aria-labelledby="assistant-review-title">
      <h2 id="assistant-review-title">{t('warning.title')}</h2>

      <fieldset>
        <legend>{t('proofKind.question')}</legend>
        <Choices>
          {proofKindsFor(draft.purchase.purchaseChannel).map((kind) => (
            <Choice key={kind} type="radio" name="proofKind" checked={context.proofKind === kind} onChange={() => update({ proofKind: kind })}>
              {t(`proofKind.${kind}`)}
            </Choice>
          ))}
        </Choices>
      </fieldset>

      {/* Of a receipt only: a second-hand sale record (a listing, a chat) is not judged as one. */}
      {counts.receipt > 0 && !receiptZoneHoldsSaleRecord(draft.purchase) ? (
        <Help summary={t('receipt.title')}>
          <p className="hint">{t('receipt.intro')}</p>
          <ul className="checklist">
            {receiptChecklist(receiptShows).map((item) => (
              <li key={item.fact}>
                <strong>
                  <span aria-hidden="true">{item.shown ? '✓' : '✗'}</span> {t(item.labelKey)}
                </strong>{' '}
                ({item.shown ? t('receipt.shown') : t('receipt.notShown')}): {t(item.whyKey)}
              </li>
            ))}
          </ul>
        </Help>
      ) : null}

      <ul className="notes assistant-warnings" aria-live="polite">
        {mismatches.map(({ field, typed }) => (
          <li key={field} className="note warning" data-testid={`review-mismatch-${field}`}>
            {tForm(`${field}.label`)}: {t('label.mismatch', { typed, label: labelImeis.join(', ') })}
          </li>
        ))}
        {photoProblems.map(({ file, note }, index) => (
          <li key={`${file}-${note.key}-${index}`} className="note warning">
            {file}: {t(note.key as 'photo.blurred.title', (note.values ?? {}) as { width: number; height: number })}
          </li>
        ))}
        {warnings.map((warning) => (
          <li key={warning.key} className={`note ${warning.level === 'weak' ? 'warning' : 'tip'}`} data-testid={`evidence-warning-${warning.key}`}>
            {t(`warning.${warning.key}`, warning.values ?? {})}
          </li>
        ))}
        {allGood ? <li className="note info">{t('warning.allGood')}</li> : null}
      </ul>
    </section>
  );
}
