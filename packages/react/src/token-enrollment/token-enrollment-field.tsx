import { useId, type ComponentProps } from 'react'
import { tokenEnrollmentPart as part } from './token-enrollment-anatomy'

export interface TokenEnrollmentFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string
  hint: string
  error?: string | undefined
}

/** A labelled text input with its hint and validation message tied by `aria-describedby`. */
export function TokenEnrollmentField({ label, hint, error, ...props }: TokenEnrollmentFieldProps) {
  const id = useId()
  return (
    <div {...part('field')}>
      <label {...part('label')} htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        {...part('text-input')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        {...props}
      />
      <p {...part('hint')} id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p {...part('field-error')} id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
