import { useI18n } from '../i18n/use-i18n'

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
    return (
      <p data-scope="sms-otp" data-part="destination">
        {sent ? null : t('sms.introNoPhone')}
      </p>
    )
  }
  const [before, after] = t(sent ? 'sms.sentTo' : 'sms.intro', { phone: '\u0000' }).split('\u0000')
  return (
    <p data-scope="sms-otp" data-part="destination">
      {before}
      <bdi dir="ltr" data-scope="sms-otp" data-part="masked-phone">
        {maskedPhone}
      </bdi>
      {after}
    </p>
  )
}
