'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';

import type { ReceiptFact } from '@/lib/appeal/schema';
import { emptyDraft, type AppealDraft, type EvidenceFile } from '@/lib/form/draft';
import { clearAppeal, loadAppeal, saveDraft, saveFiles, saveResult } from '@/lib/form/draft-store';
import type { Locale } from '@/lib/i18n/locales';
import { placeServerErrors } from '@/lib/form/server-errors';
import { addressOf, stepOnArrival, stepOnTraversal } from '@/lib/form/step-address';
import { FORM_STEPS, type FormStep, type WizardStep } from '@/lib/form/steps';
import { stepAfter, stepBefore, wizardReducer, type WizardAction, type WizardState } from '@/lib/form/wizard-state';

export type SaveState = 'saved' | 'failed';

const freshState = (): WizardState => ({ draft: emptyDraft(), files: [], result: null });

/** Where a history entry of the form stands in this tab: each step move adds one (see showInAddress). */
const POSITION_KEY = 'appealStepPosition';

/** The position an entry carries; null for one the form did not write (a #fragment's, the start page's). */
function positionOf(entryState: unknown): number | null {
  const position = typeof entryState === 'object' && entryState !== null ? (entryState as Record<string, unknown>)[POSITION_KEY] : undefined;
  return typeof position === 'number' ? position : null;
}

/**
 * Puts `step` in the address bar (see lib/form/step-address). A move the user makes is a new
 * history entry, so the browser's Back (Android's Back gesture) returns to the step before it
 * rather than leaving the form; a correction (the draft loaded, a step not reached, Start over)
 * rewrites the current entry. Each entry carries its position (`from` is the shown entry's), so a
 * Back can be told from a Forward. Next.js keeps its router in step with both calls (and its own
 * state beside ours). Returns the position of the entry now shown.
 */
function showInAddress(step: WizardStep, how: 'push' | 'replace', from: number): number {
  const address = addressOf(step, window.location.href);
  const here = `${window.location.pathname}${window.location.search}`;
  if (how === 'push') {
    // A second press of Continue before the step changes adds no second entry.
    if (address === here) return from;
    window.history.pushState({ [POSITION_KEY]: from + 1 }, '', address);
    return from + 1;
  }
  if (address !== here || window.location.hash || positionOf(window.history.state) !== from) {
    window.history.replaceState({ [POSITION_KEY]: from }, '', address);
  }
  return from;
}

/**
 * The wizard's state (lib/form/wizard-state) wired to the browser: read from IndexedDB once, each
 * change saved back, each step move kept in the browser's history (Back and Forward move between
 * steps), and focus moved to the new step's heading when the step changes.
 */
export function useWizard() {
  const [state, dispatch] = useReducer(wizardReducer, null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // What storage already holds: no need to write it back.
  const stored = useRef<WizardState | null>(null);
  // The state as last rendered, for Back and Forward (the popstate listener outlives renders).
  const latest = useRef<WizardState | null>(null);
  // The position of the history entry shown (see showInAddress): a traversal to a lower one is a Back.
  const shownPosition = useRef(0);
  useEffect(() => {
    latest.current = state;
  }, [state]);

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
        // Only the draft knows which steps were reached: the address read now, not on the server
        // (which draws the blank step 1 whatever it names), and not before the draft is here.
        const step = stepOnArrival(window.location.search, saved);
        dispatch({ type: 'restore', state: step === saved.draft.step ? saved : { ...saved, draft: { ...saved.draft, step } } });
        shownPosition.current = showInAddress(step, 'replace', positionOf(window.history.state) ?? 0);
      })
      .catch(() => setSaveState('failed'));
  }, []);

  // Back and Forward: the step the address names, if the user has reached it (a Back before the
  // draft is read is answered by the load above, which reads the address when it is done).
  useEffect(() => {
    const formPath = window.location.pathname;
    const onTraverse = (event: PopStateEvent) => {
      // Leaving the form (Back to the start page): the page that opens handles it.
      if (window.location.pathname !== formPath) return;
      const current = latest.current;
      if (!current) return;
      // An entry the form did not write (the skip link's #main) belongs with the step it was made on.
      const position = positionOf(event.state) ?? shownPosition.current;
      const moving = position !== shownPosition.current;
      const backwards = position < shownPosition.current;
      const step = stepOnTraversal(window.location.search, current);
      shownPosition.current = showInAddress(step, 'replace', position);
      if (step !== current.draft.step) {
        moved.current = true;
        dispatch({ type: 'goTo', step });
      } else if (moving) {
        // An entry that would show the step already shown: one left from before Start over (it
        // names a step the fresh appeal has not reached), or step 1 after Start over rewrote the
        // entry above it. Each press of Back must change something: it is passed over, on to the
        // previous step or out of the form, as is a stale entry met going Forward.
        if (backwards) window.history.back();
        else window.history.forward();
      }
    };
    window.addEventListener('popstate', onTraverse);
    return () => window.removeEventListener('popstate', onTraverse);
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
    /** A move the user makes to `step`: a history entry of its own, then the move. */
    const go = (step: WizardStep, action: WizardAction) => {
      shownPosition.current = showInAddress(step, 'push', shownPosition.current);
      navigate(action);
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
      goTo: (step: WizardStep) => go(step, { type: 'goTo', step }),
      /**
       * Called only for a step its checks accepted: a refused Continue adds no history entry. The
       * address names the step the reducer will move to: the same rule on the same draft.
       */
      next: (from: FormStep) => go(stepAfter(from, latest.current?.draft ?? emptyDraft()), { type: 'next', from }),
      back: (from: FormStep) => go(stepBefore(from), { type: 'back', from }),
      /** Places the server's field messages and returns those no step asks for. */
      showServerErrors: (fields: Record<string, string>): string[] => {
        const placed = placeServerErrors(fields);
        if (placed.firstStep) {
          shownPosition.current = showInAddress(placed.firstStep, 'push', shownPosition.current);
          // The step's error summary takes focus instead of its heading.
          moved.current = false;
          dispatch({ type: 'serverErrors', placed });
          window.scrollTo({ top: 0 });
        }
        return placed.unplaced;
      },
      finish: (pdf: Blob, fileName: string | null, locale: Locale) => go('result', { type: 'pdf', pdf, fileName, locale }),
      startOver: () => {
        persist(clearAppeal());
        const fresh = freshState();
        stored.current = fresh;
        // In place, not a new entry: Back must not lead to a step of the appeal just cleared. Older
        // entries that name a later step open step 1 of the fresh one (see reachableStep).
        shownPosition.current = showInAddress(FORM_STEPS[0], 'replace', shownPosition.current);
        navigate({ type: 'restore', state: fresh });
      },
    };
  }, [persist]);

  return { state, saveState, headingRef, actions };
}

export type WizardActions = ReturnType<typeof useWizard>['actions'];
