import type { ReactNode } from 'react';

/**
 * Label, hint, control and error in the order a screen reader should meet them. The control is
 * passed in already wired (`aria-describedby={describedBy(id, …)}`), so any input kind fits.
 */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  optionalText,
  children,
  after,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  optional?: boolean;
  optionalText?: string;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && optionalText ? <span className="optional"> ({optionalText})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
      {after}
    </div>
  );
}

export function describedBy(id: string, { hint, error, extra }: { hint?: unknown; error?: unknown; extra?: string }): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
