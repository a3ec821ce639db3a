'use client';

import { useEffect, useState } from 'react';

import type { AppealEmail } from '@/lib/appeal/email';
import type { TAppeal } from '@/lib/appeal/schema';
import type { AppealResult } from '@/lib/form/draft';

/** The e-mail for a finished appeal, composed once the letter code has loaded (null until then). */
export function useAppealEmail(appeal: TAppeal, result: AppealResult): AppealEmail | null {
  const [email, setEmail] = useState<AppealEmail | null>(null);
  useEffect(() => {
    let live = true;
    // Loaded on demand: the letters of four languages are not needed before the result page.
    void import('@/lib/appeal/email').then(({ composeAppealEmail }) => {
      if (live) {
        const { recipient: to, fileName: attachmentName, enclosed } = result;
        setEmail(composeAppealEmail(appeal, { to, attachmentName, caseReference: appeal.caseReference, enclosed }));
      }
    });
    return () => {
      live = false;
    };
  }, [appeal, result]);
  return email;
}
