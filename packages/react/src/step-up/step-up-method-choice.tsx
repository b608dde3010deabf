import { useEffect, useId, useRef } from 'react'
import type { KitMethod, MethodOption } from '@centagate-kit/client'
import { useI18n } from '../i18n/use-i18n'
import { stepUpPart as part } from './step-up-anatomy'

export interface StepUpMethodChoiceProps {
  methods: readonly MethodOption[]
  /** The method in use (listed last as "current"; not offered again). */
  current?: KitMethod | undefined
  onChoose: (method: KitMethod) => void
  /** Focus the group's heading on mount. @default false */
  focusOnMount?: boolean
}

/**
 * The methods the user has, in the server's preference order (SMS last, NIST 800-63B). Nothing is
 * pre-selected: each method is a button, so SMS is only sent on an explicit choice (the machine
 * auto-sends only when SMS is the user's only method).
 */
export function StepUpMethodChoice({
  methods,
  current,
  onChoose,
  focusOnMount = false,
}: StepUpMethodChoiceProps) {
  const { t } = useI18n()
  const ref = useRef<HTMLHeadingElement>(null)
  const titleId = useId()
  useEffect(() => {
    if (focusOnMount) ref.current?.focus()
  }, [focusOnMount])
  const label = (option: MethodOption) =>
    option.method === 'qr'
      ? t('stepup.method.qr')
      : option.method === 'challenge'
        ? t('stepup.method.challenge')
        : option.hint
          ? t('stepup.method.sms', { hint: option.hint })
          : t('stepup.method.smsNoHint')
  return (
    <div {...part('methods')} role="group" aria-labelledby={titleId}>
      <h3 ref={ref} id={titleId} {...part('methods-title')} tabIndex={-1}>
        {t(current ? 'stepup.switchMethod' : 'stepup.chooseMethod')}
      </h3>
      <div {...part('actions')}>
        {methods
          .filter((option) => option.method !== current)
          .map((option) => (
            <button
              key={option.method}
              type="button"
              {...part('method')}
              data-method={option.method}
              onClick={() => onChoose(option.method)}
            >
              {label(option)}
            </button>
          ))}
      </div>
    </div>
  )
}
