import type { ReactNode } from 'react';

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  /** The message to show under the field (client rule or the server's sentence). */
  error?: string | null;
  className?: string;
  children: ReactNode;
}

/** A labelled input with its message underneath, tied together for screen readers. */
export function Field({ name, label, hint, error, className, children }: FieldProps): ReactNode {
  return (
    <div className={`field ${error ? 'has-error' : ''} ${className ?? ''}`} data-field={name}>
      <label htmlFor={`f-${name}`}>
        {label}
        {hint && <kbd className="hint">{hint}</kbd>}
      </label>
      {children}
      {error && (
        <span className="field-error" id={`e-${name}`} role="alert" data-testid={`error-${name}`}>
          {error}
        </span>
      )}
    </div>
  );
}

interface CheckProps {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (v: boolean) => void;
}

export function Check({ name, label, hint, checked, disabled, onChange }: CheckProps): ReactNode {
  return (
    <label className={`check ${disabled ? 'disabled' : ''}`} data-field={name}>
      <input id={`f-${name}`} name={name} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
      {hint && <kbd className="hint">{hint}</kbd>}
    </label>
  );
}
