import { useMemo } from 'react'
import { qrPath } from './qr-path'
import { qrSigningPart as part } from './qr-signing-anatomy'

export interface QrSigningCodeProps {
  value: string
  /** The accessible name of the image (what it authorises). */
  label: string
  /** @default 192 */
  size?: number
}

/**
 * The QR image as SVG (sharp at any zoom, no canvas), black on white with a 2-module quiet zone,
 * named for assistive technology.
 */
export function QrSigningCode({ value, label, size = 192 }: QrSigningCodeProps) {
  const { size: modules, d } = useMemo(() => qrPath(value), [value])
  return (
    <div {...part('code')}>
      <svg
        width={size}
        height={size}
        viewBox={`0 0 ${modules} ${modules}`}
        shapeRendering="crispEdges"
        role="img"
        aria-label={label}
        data-qr-value={value}
      >
        <path fill="#fff" d={`M0 0h${modules}v${modules}H0z`} />
        <path fill="#000" d={d} />
      </svg>
    </div>
  )
}
