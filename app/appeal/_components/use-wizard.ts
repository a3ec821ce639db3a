'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';

import type { ReceiptFact } from '@/lib/appeal/schema';
import { emptyDraft, type AppealDraft, type EvidenceFile } from '@/lib/form/draft';
import { clearAppeal, loadAppeal, saveDraft, saveFiles, saveResult } from '@/lib/form/draft-store';
import type { Locale } from '@/lib/i18n/locales';
import { placeServerErrors } from '@/lib/form/server-errors';
import type { FormStep, WizardStep } from '@/lib/form/steps';
import { wizardReducer, type WizardAction, type WizardState } from '@/lib/form/wizard-state';

export type SaveState = 'saved' | 'failed';

const freshState = (): WizardState => ({ draft: emptyDraft(), files: [], result: null });

/**
 * The wizard's state (lib/form/wizard-state) wired to the browser: read from IndexedDB once, each
 * change saved back, and focus moved to the new step's heading when the user changes step.
 */
export function useWizard() {
  const [state, dispatch] = useReducer(wizardReducer, null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // What storage already holds: no need to write it back.
  const stored = useRef<WizardState | null>(null);

  const persist = useCallback((write: Promise<void>) => {
    write.then(
      () => setSaveState('saved'),
      () => setSaveState('failed'),
    );
  }, []);

  useEffect(() => {
    loadAppeal()
      .catch(() => {
        setSaveState('failed');
        return freshState();
      })
      .then((saved) => {
        stored.current = saved;
        dispatch({ type: 'restore', state: saved });
      })
      .catch(() => setSaveState('failed'));
  }, []);

  const draft = state?.draft;
  const files = state?.files;
  useEffect(() => {
    if (draft && draft !== stored.current?.draft) persist(saveDraft(draft));
  }, [draft, persist]);
  useEffect(() => {
    if (files && files !== stored.current?.files) persist(saveFiles(files));
  }, [files, persist]);
  const result = state?.result;
  useEffect(() => {
    if (result === undefined || !stored.current || result === stored.current.result) return;
    // Noted as stored, so that a result dropped because an answer changed (null) is deleted from
    // storage too, even when the appeal was loaded without one and the PDF was made since.
    stored.current = { ...stored.current, result };
    persist(saveResult(result));
  }, [result, persist]);

  // Moving between steps puts focus on the new step's heading, so keyboard and screen-reader
  // users start at the top of what changed.
  const step = draft?.step;
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [step]);

  const actions = useMemo(() => {
    const navigate = (action: WizardAction) => {
      moved.current = true;
      dispatch(action);
    };
    return {
      setDevice: (device: AppealDraft['device']) => dispatch({ type: 'device', device }),
      setPurchase: (purchase: AppealDraft['purchase']) => dispatch({ type: 'purchase', purchase }),
      setRecipient: (recipient: string, edited: boolean) => dispatch({ type: 'recipient', recipient, edited }),
      setReceiptShows: (receiptShows: ReceiptFact[]) => dispatch({ type: 'receiptShows', receiptShows }),
      setContact: (contact: AppealDraft['contact']) => dispatch({ type: 'contact', contact }),
      setTicket: (ticket: string) => dispatch({ type: 'ticket', ticket }),
      updateFiles: (update: (files: EvidenceFile[]) => EvidenceFile[]) => dispatch({ type: 'files', update }),
      addLabelPhoto: (file: EvidenceFile) => dispatch({ type: 'labelPhoto', file }),
      goTo: (step: WizardStep) => navigate({ type: 'goTo', step }),
      next: (from: FormStep) => navigate({ type: 'next', from }),
      back: (from: FormStep) => navigate({ type: 'back', from }),
      /** Places the server's field messages and returns those no step asks for. */
      showServerErrors: (fields: Record<string, string>): string[] => {
        const placed = placeServerErrors(fields);
        if (placed.firstStep) {
          // The step's error summary takes focus instead of its heading.
          moved.current = false;
          dispatch({ type: 'serverErrors', placed });
          window.scrollTo({ top: 0 });
        }
        return placed.unplaced;
      },
      finish: (pdf: Blob, fileName: string | null, locale: Locale) => navigate({ type: 'pdf', pdf, fileName, locale }),
      startOver: () => {
        persist(clearAppeal());
        const fresh = freshState();
        stored.current = fresh;
        navigate({ type: 'restore', state: fresh });
      },
    };
  }, [persist]);

  return { state, saveState, headingRef, actions };
}

export type WizardActions = ReturnType<typeof useWizard>['actions'];
