import { QRCodeSVG } from 'qrcode.react'

export interface QrSigningCodeProps {
  value: string
  /** The accessible name of the image (what it authorises). */
  label: string
  /** @default 192 */
  size?: number
}

/** The QR image as SVG (sharp at any zoom, no canvas), named for assistive technology. */
export function QrSigningCode({ value, label, size = 192 }: QrSigningCodeProps) {
  return (
    <div data-scope="qr-signing" data-part="code">
      <QRCodeSVG
        value={value}
        size={size}
        level="M"
        marginSize={2}
        role="img"
        aria-label={label}
        data-qr-value={value}
      />
    </div>
  )
}
