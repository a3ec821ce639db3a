'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldPath, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

import { describedBy } from '@/app/appeal/_components/Field';
import { useErrorText, type ErrorText } from '@/app/appeal/_components/use-error-text';
import { encodeFieldMessage } from '@/lib/i18n/field-message';
import type { SummaryItem } from '@/app/appeal/_components/ErrorSummary';

/**
 * The form holds what people type. A step's schema reads it with a looser input type (fields are
 * optional for the server's sake), so the form is typed by that input: `Partial<V>`.
 */
type StepSchema<V extends FieldValues, O> = z.ZodType<O, Partial<V>>;
/** A field of the step, by name (react-hook-form's path into the values). */
export type StepField<V extends FieldValues> = FieldPath<Partial<V>> & string;
type SchemaSource<V extends FieldValues, O> = StepSchema<V, O> | (() => Promise<StepSchema<V, O>>);

/**
 * A value the step asks for outside its react-hook-form (the purchase step's recipient box, which
 * follows the country until the user types another address): judged with the form on "Continue",
 * which it holds while `error` is set, and listed in the error summary after the field `after`.
 */
export type OutsideField<V extends FieldValues> = { fieldId: string; label: string; error: string | undefined; after: StepField<V> };

/**
 * zodResolver on a schema that may still be loading: the first step can render without zod in
 * the page's first download; the schema is prefetched on first focus, but on a slow connection
 * "Continue" can be pressed before it arrives.
 */
function resolverFor<V extends FieldValues, O>(source: SchemaSource<V, O>): Resolver<Partial<V>, unknown, O> {
  if (typeof source !== 'function') return zodResolver(source);
  let loaded: Resolver<Partial<V>, unknown, O> | null = null;
  return async (values, context, options) => {
    if (loaded) return loaded(values, context, options);
    // react-hook-form passes its live values, which typing mutates in place. Checking them once
    // zod has arrived would judge what was typed after "Continue" and could move a person who is
    // still typing on to the next step; the verdict is on what was there when they pressed it.
    const pressed = structuredClone(values);
    loaded = zodResolver(await source());
    return loaded(pressed, context, options);
  };
}

/**
 * A date box the user has only partly typed (03/14/yyyy): the browser gives its value as "", as if
 * it were empty, and only `validity.badInput` tells the difference.
 */
function isHalfTypedDate(element: unknown): boolean {
  return element instanceof HTMLInputElement && element.type === 'date' && element.validity.badInput;
}

/**
 * The schema judges values, and a half-typed date reaches it as "" ("required: please fill it
 * in", to someone who did). Such a box is reported as incomplete instead, whatever the schema said.
 */
function withHalfTypedDates<V extends FieldValues, O>(resolver: Resolver<Partial<V>, unknown, O>): Resolver<Partial<V>, unknown, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const halfTyped = Object.entries(options.fields)
      .filter(([, field]) => isHalfTypedDate(field.ref))
      .map(([name]) => name);
    if (halfTyped.length === 0) return result;
    const errors: Record<string, unknown> = { ...result.errors };
    for (const name of halfTyped) errors[name] = { type: 'incomplete', message: encodeFieldMessage('date.incomplete') };
    return { values: {}, errors: errors as FieldErrors<Partial<V>> };
  };
}

/**
 * One react-hook-form per step, validated by that step's shared schema. Every change is handed up
 * (the wizard saves it), messages the server sent back are shown on their fields, and a failed
 * "Continue" fills the error summary.
 */
export function useStepForm<V extends FieldValues, O>({
  schema,
  values,
  serverErrors,
  onChange,
  onValid,
  labelOf,
  outside = [],
  checkOnOpen = false,
}: {
  schema: SchemaSource<V, O>;
  values: V & DefaultValues<Partial<V>>;
  serverErrors: Record<string, string>;
  onChange: (values: V) => void;
  onValid: (output: O) => void;
  /** Each field's label, named in the error summary: "This field is required" alone does not say which. */
  labelOf: (field: StepField<V>) => string;
  outside?: OutsideField<V>[];
  /**
   * Check the step as soon as it opens, as "Continue" would: for a step the user has been past
   * already (Review's "Change" on a step it calls incomplete), so what is missing shows at once.
   */
  checkOnOpen?: boolean;
}) {
  const form = useForm<Partial<V>, unknown, O>({
    defaultValues: values,
    resolver: withHalfTypedDates(resolverFor(schema)),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // The error summary takes focus instead; its links lead to the fields.
    shouldFocusError: false,
  });
  const errorText = useErrorText();
  // The step's fields are the keys of its values (a react-hook-form path each).
  const fields = Object.keys(values) as StepField<V>[];
  const serverFields = fields.filter((field) => serverErrors[field] !== undefined);
  const [attempt, setAttempt] = useState(serverFields.length > 0 ? 1 : 0);

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values: current }) => onChange({ ...values, ...current }),
      }),
    [form, onChange, values],
  );

  // A check that could not run (zod failed to download) must not leave "Continue" doing nothing:
  // thrown during the next render, it reaches the form's error boundary, which offers a reload.
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  if (failure) throw failure.error;
  const failed = () => setAttempt((n) => n + 1);
  // The form's own fields and the outside ones are judged together, so one press shows every problem.
  const outsideProblems = outside.filter((item) => item.error !== undefined);
  const check = form.handleSubmit((output) => (outsideProblems.length > 0 ? failed() : onValid(output)), failed);
  const submit = (event?: BaseSyntheticEvent) => check(event).catch((error: unknown) => setFailure({ error }));

  useEffect(() => {
    for (const field of serverFields) {
      form.setError(field, { type: 'server', message: serverErrors[field] });
    }
    // A step that passes its check stays quiet: "Continue" has not been pressed here yet, so the
    // fields are not re-checked as they are typed. One that fails shows its summary, as "Continue" would.
    if (checkOnOpen && serverFields.length === 0) {
      form
        .trigger()
        .then((valid) => (valid && outsideProblems.length === 0 ? undefined : check()))
        .catch((error: unknown) => setFailure({ error }));
    }
    // Server messages are applied, and the check made, once, when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const fieldError = (field: StepField<V>): ErrorText | undefined => errorText(form.getFieldState(field, form.formState).error);

  // Outside fields join the summary once "Continue" has been pressed, as the form's own errors do.
  const shownOutside = attempt > 0 ? outsideProblems : [];
  const summary: SummaryItem[] = fields
    .flatMap((field) => [
      { fieldId: field, label: labelOf(field), text: fieldError(field) ?? '' },
      ...shownOutside.filter((item) => item.after === field).map(({ fieldId, label, error }) => ({ fieldId, label, text: error ?? '' })),
    ])
    .filter((item) => item.text !== '');

  /**
   * Everything a step's input needs besides its own attributes: registration with the form, and
   * the ARIA wiring to the hint and error that <Field> renders (plus an extra live line, if any).
   */
  const control = (field: StepField<V>, extraDescription?: string) => {
    const error = fieldError(field);
    return {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(field, { hint: true, error, extra: extraDescription }),
      ...form.register(field),
    };
  };

  return { form, submit, summary, attempt, fieldError, control };
}
