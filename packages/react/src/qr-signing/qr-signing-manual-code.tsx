import { groupDigits } from '../internal/digits'
import { useI18n } from '../i18n/use-i18n'

/** The code to type into the app when the phone cannot scan its own screen. */
export function QrSigningManualCode({ code }: { code: string }) {
  const { t } = useI18n()
  return (
    <details data-scope="qr-signing" data-part="manual">
      <summary data-scope="qr-signing" data-part="manual-toggle">
        {t('qr.manualTitle')}
      </summary>
      <p data-scope="qr-signing" data-part="manual-hint">
        {t('qr.manualHint')}
      </p>
      <p data-scope="qr-signing" data-part="manual-code" dir="ltr" translate="no">
        {groupDigits(code, 4).join(' ')}
      </p>
    </details>
  )
}
