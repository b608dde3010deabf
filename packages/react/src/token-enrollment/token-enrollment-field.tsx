import { useId, type ComponentProps } from 'react'

export interface TokenEnrollmentFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string
  hint: string
  error?: string | undefined
}

/** A labelled text input with its hint and validation message tied by `aria-describedby`. */
export function TokenEnrollmentField({ label, hint, error, ...props }: TokenEnrollmentFieldProps) {
  const id = useId()
  return (
    <div data-scope="token-enrollment" data-part="field">
      <label data-scope="token-enrollment" data-part="label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        data-scope="token-enrollment"
        data-part="text-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        {...props}
      />
      <p data-scope="token-enrollment" data-part="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p data-scope="token-enrollment" data-part="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
