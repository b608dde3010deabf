import { useI18n } from '../i18n/use-i18n'
import { smsOtpPart } from './sms-otp-anatomy'

/** Where the code goes: the masked phone only (never the full number), isolated LTR. */
export function SmsOtpDestination({
  maskedPhone,
  sent,
}: {
  maskedPhone?: string | undefined
  sent: boolean
}) {
  const { t } = useI18n()
  if (!maskedPhone) {
    return <p {...smsOtpPart('destination')}>{sent ? null : t('sms.introNoPhone')}</p>
  }
  const [before, after] = t(sent ? 'sms.sentTo' : 'sms.intro', { phone: '\u0000' }).split('\u0000')
  return (
    <p {...smsOtpPart('destination')}>
      {before}
      <bdi dir="ltr" {...smsOtpPart('masked-phone')}>
        {maskedPhone}
      </bdi>
      {after}
    </p>
  )
}
