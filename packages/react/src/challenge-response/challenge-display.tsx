import { useState } from 'react'
import { groupDigits, spellDigits } from '../internal/digits'
import { useI18n } from '../i18n/use-i18n'
import { VisuallyHidden } from '../internal/visually-hidden'
import { challengeResponsePart as part } from './challenge-response-anatomy'

export interface ChallengeDisplayProps {
  /** The challenge digits from the server. */
  challenge: string
  /** Digits per group. @default 4 */
  groupSize?: number
}

/**
 * The challenge, large, grouped in 4s and locked LTR (it is keyed into a token keypad left to
 * right), with a copy button and a digit-by-digit reading for screen readers: the visual groups
 * are hidden from them because "4719" would be read as a number.
 */
export function ChallengeDisplay({ challenge, groupSize = 4 }: ChallengeDisplayProps) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(challenge)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <div {...part('challenge')}>
      <p {...part('challenge-label')}>{t('challenge.label')}</p>
      <span {...part('challenge-digits')} dir="ltr" translate="no" aria-hidden="true">
        {groupDigits(challenge, groupSize).map((group, index) => (
          <span key={index} {...part('challenge-group')}>
            {group}
          </span>
        ))}
      </span>
      <VisuallyHidden {...part('challenge-reading')}>
        {t('challenge.reading', { digits: spellDigits(challenge) })}
      </VisuallyHidden>
      <button type="button" {...part('copy-button')} onClick={() => void copy()}>
        {copied ? t('challenge.copied') : t('challenge.copy')}
      </button>
      <span role="status" {...part('copy-status')}>
        {copied ? <VisuallyHidden>{t('challenge.copied')}</VisuallyHidden> : null}
      </span>
    </div>
  )
}
