'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useSyncExternalStore } from 'react';

import { singleLine } from '@/lib/appeal/fields';
import type { TriedFirst } from '@/lib/appeal/triage-answers';
import { ACCOUNT_HINT_MAX, ACCOUNT_OWNERS, TRIAGE_HANDOFF_KEY, accountHintProblem, type AccountHintProblem, type AccountOwner, type Triage } from '@/lib/form/triage';
import { Choice, Choices } from '@/app/_components/Choice';
import { NewTabLink } from '@/app/_components/NewTabLink';
import { fillHole, type HoledMessage } from '@/lib/i18n/holed-message';

type Answer = 'yes' | 'no';

/** Everything the decision path says, formatted on the server (app/triage-text.ts). */
export type TriageText = {
  legend: string;
  whose: Record<AccountOwner, string>;
  /** The messages of the rule the appeal form applies to the hint too (accountHintProblem). */
  hint: { label: string; hint: string; problem: Record<AccountHintProblem, string> };
  reach: { legend: string; yes: string; no: string };
  seller: { legend: string; yes: string; no: string };
  reset: {
    title: string;
    step1: string;
    step2: string;
    step2Hint: HoledMessage;
    step3: string;
    open: string;
    /** Said after `open`: the link opens in a new tab (the form's own words for it). */
    opensInNewTab: string;
    failed: string;
    startAppeal: string;
  };
  ask: {
    title: string;
    explain: string;
    messageLabel: string;
    /** With the account hint the lock screen shows, and without one. */
    message: HoledMessage;
    messageWithoutHint: string;
    copy: string;
    copied: string;
    copyFailed: string;
    share: string;
    then: string;
    startAppeal: string;
  };
  appeal: { mine: string; secondHand: string; start: string };
};

/** Leaves the answers for the form in this tab, which takes them when it opens. */
function handOver(triage: Triage) {
  try {
    sessionStorage.setItem(TRIAGE_HANDOFF_KEY, JSON.stringify(triage));
  } catch {
    // Storage off (private mode): the form simply starts without the answers.
  }
}

/**
 * The Mi Account lock's decision path: the owner who still reaches the bound e-mail or phone resets
 * the password; the second-hand buyer who reaches the seller asks them to remove the phone; everyone
 * else (and anyone for whom that failed) goes to the appeal, which is told what was tried.
 */
export function AccountTriage({ text: t }: { text: TriageText }) {
  const router = useRouter();
  const [whose, setWhose] = useState<AccountOwner | null>(null);
  const [reach, setReach] = useState<Answer | null>(null);
  const [hint, setHint] = useState('');
  const cleanHint = singleLine(hint);
  const hintProblem = accountHintProblem(cleanHint);
  const hintValid = hintProblem === null;

  // The page has other ways into the form than this box's buttons (the start button at its foot,
  // "start anyway" under Lost mode): whichever is followed, the answers given so far go along. The
  // hint goes even when refused: the contact step shows it with the same message for the user to
  // correct, rather than the form opening without what they typed.
  useEffect(() => {
    if (whose) handOver({ whose, triedFirst: '', accountHint: cleanHint });
  }, [whose, cleanHint]);

  const startAppeal = (triedFirst: TriedFirst | '') => {
    handOver({ whose: whose ?? '', triedFirst, accountHint: cleanHint });
    router.push('/appeal');
  };

  return (
    <div className="triage">
      <fieldset>
        <legend>{t.legend}</legend>
        <Choices>
          {ACCOUNT_OWNERS.map((owner) => (
            <Choice key={owner}
              type="radio"
              name="account-owner"
              value={owner}
              checked={whose === owner}
              onChange={() => {
              setWhose(owner);
              setReach(null);
              }}
            >
              {t.whose[owner]}
            </Choice>
          ))}
        </Choices>
      </fieldset>

      {whose ? (
        <>
          <div className={hintValid ? 'field' : 'field has-error'}>
            <label htmlFor="account-hint">{t.hint.label}</label>
            <p className="hint" id="account-hint-hint">
              {t.hint.hint}
            </p>
            {hintProblem === null ? null : (
              <p className="field-error" id="account-hint-error">
                {t.hint.problem[hintProblem]}
              </p>
            )}
            <input
              id="account-hint"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={ACCOUNT_HINT_MAX + 10}
              value={hint}
              aria-invalid={hintValid ? undefined : true}
              aria-describedby={hintValid ? 'account-hint-hint' : 'account-hint-hint account-hint-error'}
              onChange={(event) => setHint(event.target.value)}
            />
          </div>
          <fieldset>
            <legend>{whose === 'mine' ? t.reach.legend : t.seller.legend}</legend>
            <Choices>
              {(['yes', 'no'] as const).map((answer) => (
                <Choice key={answer} type="radio" name="reach" value={answer} checked={reach === answer} onChange={() => setReach(answer)}>
                  {whose === 'mine' ? t.reach[answer] : t.seller[answer]}
                </Choice>
              ))}
            </Choices>
          </fieldset>
        </>
      ) : null}

      {/* What the answer now is, said once: the blocks below hold the hint as it is typed and their
          own buttons, and inside a live region every key in the hint had the step quoting it read out. */}
      <p className="visually-hidden" aria-live="polite" data-testid="triage-said">
        {answerTitle(whose, reach, t)}
      </p>
      <div>
        {whose === 'mine' && reach === 'yes' ? (
          <PasswordReset t={t.reset} hint={hintValid ? cleanHint : ''} onFailed={() => startAppeal('password-reset')} />
        ) : null}
        {whose === 'previous-owner' && reach === 'yes' ? (
          <AskSeller t={t.ask} hint={hintValid ? cleanHint : ''} onRefused={() => startAppeal('seller')} />
        ) : null}
        {reach === 'no' ? (
          <div className="answer triage-exit" data-testid="triage-appeal">
            <p>{whose === 'mine' ? t.appeal.mine : t.appeal.secondHand}</p>
            <button type="button" className="button primary" onClick={() => startAppeal('')}>
              {t.appeal.start}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** The heading of the answer shown for these choices (or its first sentence, which the appeal's has instead). */
function answerTitle(whose: AccountOwner | null, reach: Answer | null, t: TriageText): string {
  if (reach === 'no') return whose === 'mine' ? t.appeal.mine : t.appeal.secondHand;
  if (reach === 'yes') return whose === 'mine' ? t.reset.title : t.ask.title;
  return '';
}

function PasswordReset({ t, hint, onFailed }: { t: TriageText['reset']; hint: string; onFailed: () => void }) {
  return (
    <div className="answer triage-exit" data-testid="triage-reset">
      <h3>{t.title}</h3>
      <ol>
        <li>{t.step1}</li>
        <li>{hint ? fillHole(t.step2Hint, hint) : t.step2}</li>
        <li>{t.step3}</li>
      </ol>
      <p>
        <NewTabLink className="button primary" href="https://account.xiaomi.com/" opensInNewTab={t.opensInNewTab}>
          {t.open}
        </NewTabLink>
      </p>
      <p>{t.failed}</p>
      <button type="button" className="button" onClick={onFailed}>
        {t.startAppeal}
      </button>
    </div>
  );
}

function AskSeller({ t, hint, onRefused }: { t: TriageText['ask']; hint: string; onRefused: () => void }) {
  const message = hint ? fillHole(t.message, hint) : t.messageWithoutHint;
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Only a browser that can share text gets the button (phones, some desktops); the server renders none.
  const canShare = useSyncExternalStore(subscribeToNothing, browserCanShare, () => false);

  return (
    <div className="answer triage-exit" data-testid="triage-seller">
      <h3>{t.title}</h3>
      <p>{t.explain}</p>
      <label htmlFor="seller-message">{t.messageLabel}</label>
      <textarea id="seller-message" readOnly rows={9} className="email-body" value={message} />
      <p className="action-stack">
        <button
          type="button"
          className="button"
          onClick={() => void navigator.clipboard.writeText(message).then(() => setCopy('copied'), () => setCopy('failed'))}
        >
          {t.copy}
        </button>{' '}
        {canShare ? (
          <button type="button" className="button" onClick={() => void navigator.share({ text: message }).catch(() => undefined)}>
            {t.share}
          </button>
        ) : null}
        <span aria-live="polite" className="copy-status">
          {copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}
        </span>
      </p>
      <p>{t.then}</p>
      <button type="button" className="button" onClick={onRefused}>
        {t.startAppeal}
      </button>
    </div>
  );
}

const subscribeToNothing = () => () => undefined;
const browserCanShare = () => typeof navigator.share === 'function';
