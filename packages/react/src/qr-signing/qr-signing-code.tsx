import { QrCode } from '../parts/qr-code'
import { qrSigningPart } from './qr-signing-anatomy'

export interface QrSigningCodeProps {
  value: string
  /** The accessible name of the image (what it authorises). */
  label: string
  /** @default 256 */
  size?: number
}

/**
 * The QR image for the CENTAGATE app (qrcode.react, loaded lazily: a same-sized placeholder holds
 * its place meanwhile) with "Enlarge QR code", in the QR signing widget's anatomy.
 */
export function QrSigningCode({ value, label, size = 256 }: QrSigningCodeProps) {
  return <QrCode value={value} label={label} size={size} part={qrSigningPart} />
}
