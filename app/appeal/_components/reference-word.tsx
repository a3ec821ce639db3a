import type { ReactNode } from 'react';

import { withHole } from '@/lib/i18n/holed-message';

/**
 * A translated sentence with the case reference (AK-P4ZC-27LA) set as one unbroken word: people
 * copy it or read it out, and a line break after "AK-P4ZC-" splits it. `say` formats the sentence
 * with whatever it is given in the reference's place.
 */
export function withReferenceWord(say: (reference: string) => string, reference: string): ReactNode[] {
  return withHole(say).flatMap((text, index) =>
    index === 0 ? [text] : [<strong key={index} className="reference">{reference}</strong>, text],
  );
}
