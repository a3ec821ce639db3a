import 'server-only';

import { getTranslations } from 'next-intl/server';

import type { TriageText } from '@/app/_components/AccountTriage';
import { ACCOUNT_HINT_MAX, ACCOUNT_OWNERS, type AccountOwner } from '@/lib/form/triage';
import { withHole } from '@/lib/i18n/holed-message';

/**
 * The start page's decision path (AccountTriage) in the request's language, formatted here so the
 * page ships no message formatter: the two texts that quote the hint the user types are left with
 * a hole for it.
 */
export async function triageText(): Promise<TriageText> {
  const t = await getTranslations('triage');
  // The hint's messages are the appeal form's own, so both pages say the same of the same hint.
  const errors = await getTranslations('errors');
  // "Opens in a new tab" is the form's, so every such link says the same.
  const form = await getTranslations('form');
  return {
    legend: t('legend'),
    whose: Object.fromEntries(ACCOUNT_OWNERS.map((owner) => [owner, t(`whose.${owner}`)])) as Record<AccountOwner, string>,
    hint: {
      label: t('hint.label'),
      hint: t('hint.hint'),
      problem: { characters: errors('accountHint.characters'), tooLong: errors('tooLong', { max: ACCOUNT_HINT_MAX }) },
    },
    reach: { legend: t('reach.legend'), yes: t('reach.yes'), no: t('reach.no') },
    seller: { legend: t('seller.legend'), yes: t('seller.yes'), no: t('seller.no') },
    reset: {
      title: t('reset.title'),
      step1: t('reset.step1'),
      step2: t('reset.step2'),
      step2Hint: withHole((hint) => t('reset.step2Hint', { hint })),
      step3: t('reset.step3'),
      open: t('reset.open'),
      opensInNewTab: form('opensInNewTab'),
      failed: t('reset.failed'),
      startAppeal: t('reset.startAppeal'),
    },
    ask: {
      title: t('ask.title'),
      explain: t('ask.explain'),
      messageLabel: t('ask.messageLabel'),
      message: withHole((hint) => t('ask.message', { hint })),
      messageWithoutHint: t('ask.message', { hint: 'none' }),
      copy: t('ask.copy'),
      copied: t('ask.copied'),
      copyFailed: t('ask.copyFailed'),
      share: t('ask.share'),
      then: t('ask.then'),
      startAppeal: t('ask.startAppeal'),
    },
    appeal: { mine: t('appeal.mine'), secondHand: t('appeal.secondHand'), start: t('appeal.start') },
  };
}
