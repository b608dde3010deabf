import { groupDigits } from '../internal/digits'
import { useI18n } from '../i18n/use-i18n'
import { qrSigningPart as part } from './qr-signing-anatomy'

/** The code to type into the app when the phone cannot scan its own screen. */
export function QrSigningManualCode({ code }: { code: string }) {
  const { t } = useI18n()
  return (
    <details {...part('manual')}>
      <summary {...part('manual-toggle')}>{t('qr.manualTitle')}</summary>
      <p {...part('manual-hint')}>{t('qr.manualHint')}</p>
      <p {...part('manual-code')} dir="ltr" translate="no">
        {groupDigits(code, 4).join(' ')}
      </p>
    </details>
  )
}
