'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

import { Field } from '@/app/appeal/_components/Field';

type InputAttributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'inputMode' | 'autoComplete' | 'spellCheck' | 'autoCapitalize' | 'maxLength' | 'min' | 'max' | 'className'
>;

/**
 * One text box of a step, declared as data: the step lists its fields and this renders each with
 * its label, hint, error and ARIA wiring. `rows` makes it a text area.
 */
export type TextFieldSpec<N extends string> = { name: N; optional?: boolean; rows?: number } & InputAttributes;

/** What a step's form hands every field: its words, its error and its registration. */
export type TextFieldWiring<N extends string> = {
  text: (name: N) => { label: string; hint: string };
  optionalText: string;
  fieldError: (name: N) => ReactNode;
  control: (name: N, extraDescription?: string) => UseFormRegisterReturn & { 'aria-invalid'?: boolean; 'aria-describedby'?: string };
};

export function TextField<N extends string>({
  spec,
  wiring,
  live,
}: {
  spec: TextFieldSpec<N>;
  wiring: TextFieldWiring<N>;
  /** A live line under the box (its id is `<name>-live`), read out as the box's description. */
  live?: ReactNode;
}) {
  const { name, optional, rows, ...attributes } = spec;
  const { label, hint } = wiring.text(name);
  const wired = wiring.control(name, live ? `${name}-live` : undefined);
  // Said, not only seen: a field without "(optional)" after its label is one the step needs.
  const required = optional ? undefined : true;
  return (
    <Field
      id={name}
      label={label}
      hint={hint}
      optional={optional}
      optionalText={wiring.optionalText}
      error={wiring.fieldError(name)}
      after={live}
    >
      {rows ? (
        <textarea id={name} rows={rows} maxLength={attributes.maxLength} aria-required={required} {...wired} />
      ) : (
        <input id={name} type="text" aria-required={required} {...attributes} {...wired} />
      )}
    </Field>
  );
}
