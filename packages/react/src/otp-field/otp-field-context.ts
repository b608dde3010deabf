import { createContext, useContext, type RefObject } from 'react'

export interface OtpFieldContextValue {
  value: string
  setValue: (value: string) => void
  length: number
  invalid: boolean
  disabled: boolean
  autoSubmit: boolean
  name: string | undefined
  inputId: string
  labelId: string
  descriptionId: string
  messageId: string
  hasDescription: boolean
  hasMessage: boolean
  registerPart: (part: 'description' | 'message', present: boolean) => void
  inputRef: RefObject<HTMLInputElement | null>
  complete: (value: string) => void
}

export const OtpFieldContext = createContext<OtpFieldContextValue | null>(null)

export function useOtpFieldContext(part: string): OtpFieldContextValue {
  const context = useContext(OtpFieldContext)
  if (!context) throw new Error(`<OtpField${part}> must be inside <OtpFieldRoot>.`)
  return context
}
