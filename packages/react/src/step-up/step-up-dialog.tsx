import { useEffect, useId, useRef } from 'react'
import type { AuthenticatedResponse } from '@centagate-kit/client'
import { useI18n } from '../i18n/use-i18n'
import { StepUp, type StepUpProps } from './step-up'
import { stepUpPart as part } from './step-up-anatomy'

export interface StepUpDialogProps extends Omit<StepUpProps, 'onCancel' | 'onAuthenticated'> {
  /** Called once: `true` after a successful step-up, `false` when the user dismissed it. */
  onClose: (steppedUp: boolean, result?: AuthenticatedResponse) => void
}

/**
 * `<StepUp>` in a modal native `<dialog>` (focus trapped by the browser, Escape cancels, focus
 * returns to the opener on close).
 */
export function StepUpDialog({ onClose, ...props }: StepUpDialogProps) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const closed = useRef(false)
  const finish = (ok: boolean, result?: AuthenticatedResponse) => {
    if (closed.current) return
    closed.current = true
    ref.current?.close()
    onClose(ok, result)
  }
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      {...part('dialog')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        finish(false)
      }}
    >
      <h2 id={titleId} {...part('dialog-title')}>
        {t('stepup.dialogTitle')}
      </h2>
      <StepUp
        {...props}
        onAuthenticated={(result) => finish(true, result)}
        onCancel={() => finish(false)}
      />
    </dialog>
  )
}
