'use client';

import { useState, type ReactNode } from 'react';

import { Choice, Choices } from '@/app/_components/Choice';

import styles from './EligibilityCheck.module.css';

/** `said`: what a screen reader is told when the option is chosen (the answer itself may hold a form). */
export type EligibilityOption = { id: string; label: ReactNode; answer: ReactNode; said: string };

/**
 * "What does the locked phone show?" Only the Mi Account lock is lifted by an ownership appeal;
 * the other screens get an honest answer before anyone spends time on the form. The texts are
 * rendered on the server; this component only remembers the choice.
 */
export function EligibilityCheck({ legend, hint, options }: { legend: string; hint: string; options: EligibilityOption[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const option = options.find((candidate) => candidate.id === chosen);
  return (
    <div>
      <fieldset>
        <legend>{legend}</legend>
        <p className="hint">{hint}</p>
        <Choices>
          {options.map((option) => (
            <Choice key={option.id}
              type="radio"
              name="lock-screen"
              value={option.id}
              checked={chosen === option.id}
              onChange={() => setChosen(option.id)}
            >
              {option.label}
            </Choice>
          ))}
        </Choices>
      </fieldset>
      {/* The answer is said in a sentence; it is not itself a live region: the Mi Account answer
          holds the account-hint box, and every key typed there was read out with all around it. */}
      <p className="visually-hidden" aria-live="polite">
        {option?.said ?? ''}
      </p>
      <div className="eligibility-answer">
        {option ? <div className={chosen === 'miAccount' ? `${styles.answer} ${styles.appealable}` : styles.answer}>{option.answer}</div> : null}
      </div>
    </div>
  );
}
