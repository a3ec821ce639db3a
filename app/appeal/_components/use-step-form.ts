'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

import { describedBy } from '@/app/appeal/_components/Field';
import { useErrorText } from '@/app/appeal/_components/use-error-text';
import type { SummaryItem } from '@/app/appeal/_components/ErrorSummary';

type SchemaSource<S extends z.ZodType> = S | (() => Promise<S>);

/**
 * zodResolver on a schema that may still be loading: the first step can render without zod in
 * the page's first download, and the schema arrives (prefetched on first focus) before the
 * first check runs.
 */
function resolverFor<V extends FieldValues, S extends z.ZodType>(source: SchemaSource<S>): Resolver<V, unknown, z.output<S>> {
  // The form holds what people type (all strings); the schema's input type is looser (optional
  // fields, the channel enum), so the resolver is typed to the form's values.
  const make = (schema: S) => zodResolver(schema as never) as unknown as Resolver<V, unknown, z.output<S>>;
  if (typeof source !== 'function') return make(source);
  let loaded: Resolver<V, unknown, z.output<S>> | null = null;
  return async (values, context, options) => {
    loaded ??= make(await source());
    return loaded(values, context, options);
  };
}

/**
 * One react-hook-form per step, validated by that step's shared schema. Every change is handed up
 * (the wizard saves it), messages the server sent back are shown on their fields, and a failed
 * "Continue" fills the error summary.
 */
export function useStepForm<V extends FieldValues, S extends z.ZodType>({
  schema,
  values,
  serverErrors,
  onChange,
  onValid,
}: {
  schema: SchemaSource<S>;
  values: V;
  serverErrors: Record<string, string>;
  onChange: (values: V) => void;
  onValid: (output: z.output<S>) => void;
}) {
  const form = useForm<V, unknown, z.output<S>>({
    defaultValues: values as never,
    resolver: resolverFor<V, S>(schema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // The error summary takes focus instead; its links lead to the fields.
    shouldFocusError: false,
  });
  const errorText = useErrorText();
  const serverFields = Object.keys(serverErrors).filter((field) => field in values);
  const [attempt, setAttempt] = useState(serverFields.length > 0 ? 1 : 0);

  useEffect(() => {
    for (const field of serverFields) {
      form.setError(field as Path<V>, { type: 'server', message: serverErrors[field] });
    }
    // Server messages are applied once, when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values: current }) => onChange({ ...values, ...current }),
      }),
    [form, onChange, values],
  );

  const submit = form.handleSubmit(onValid, () => setAttempt((n) => n + 1));

  const summary: SummaryItem[] = Object.keys(values)
    .map((field) => ({ fieldId: field, text: errorText(form.formState.errors[field] as never) ?? '' }))
    .filter((item) => item.text !== '');

  const fieldError = (field: Path<V>): string | undefined => errorText(form.getFieldState(field, form.formState).error);

  /**
   * Everything a step's input needs besides its own attributes: registration with the form, and
   * the ARIA wiring to the hint and error that <Field> renders (plus an extra live line, if any).
   */
  const control = (field: Path<V>, extraDescription?: string) => {
    const error = fieldError(field);
    return {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(field, { hint: true, error, extra: extraDescription }),
      ...form.register(field),
    };
  };

  return { form, submit, summary, attempt, fieldError, control };
}
