import { useEffect, useId, useRef } from 'react'
import type { KitMethod, MethodOption } from '@centagate-kit/client'
import { useI18n } from '../i18n/use-i18n'
import type { MessageKey } from '../messages/en'
import { stepUpPart as part } from './step-up-anatomy'

export interface StepUpMethodChoiceProps {
  methods: readonly MethodOption[]
  /** The method in use (listed last as "current"; not offered again). */
  current?: KitMethod | undefined
  onChoose: (method: KitMethod) => void
  /** Focus the group's heading on mount. @default false */
  focusOnMount?: boolean
}

const labels = {
  qr: 'stepup.method.qr',
  challenge: 'stepup.method.challenge',
  push: 'stepup.method.push',
  app_otp: 'stepup.method.app_otp',
  sms: 'stepup.method.sms',
} as const satisfies Record<KitMethod, MessageKey>

/**
 * The methods the user has, in the server's preference order (SMS last, NIST 800-63B): the
 * recommended one first. Nothing is pre-selected: each method is a button, so SMS is only sent on
 * an explicit choice (the machine auto-sends only when SMS is the user's only method). A button
 * names the method and, when the server knows it, where the code goes (`hint`: the masked phone,
 * the app's device name); the stylesheet adds the method's icon from `data-method`.
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
              <span {...part('method-label')}>{t(labels[option.method])}</span>{' '}
              {option.hint ? (
                // A phone number or token serial reads left to right in every page; a device name
                // by its own text.
                <bdi
                  {...part('method-hint')}
                  dir={option.method === 'sms' || option.method === 'challenge' ? 'ltr' : 'auto'}
                >
                  {option.hint}
                </bdi>
              ) : null}
            </button>
          ))}
      </div>
    </div>
  )
}
