'use client';

import { useState, type ReactNode } from 'react';

import { Choice, Choices } from '@/app/_components/Choice';

import styles from './EligibilityCheck.module.css';

export type EligibilityOption = { id: string; label: string; answer: ReactNode };

/**
 * "What does the locked phone show?" Only the Mi Account lock is lifted by an ownership appeal;
 * the other screens get an honest answer before anyone spends time on the form. The texts are
 * rendered on the server; this component only remembers the choice.
 */
export function EligibilityCheck({ legend, hint, options }: { legend: string; hint: string; options: EligibilityOption[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const answer = options.find((option) => option.id === chosen)?.answer;
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
      <div aria-live="polite" className="eligibility-answer">
        {answer ? <div className={chosen === 'miAccount' ? `${styles.answer} ${styles.appealable}` : styles.answer}>{answer}</div> : null}
      </div>
    </div>
  );
}
