import { useMemo, useRef, type SVGProps } from 'react'
import { useI18n } from '../i18n/use-i18n'
import { qrPath } from './qr-path'
import { qrSigningPart as part } from './qr-signing-anatomy'

export interface QrSigningCodeProps {
  value: string
  /** The accessible name of the image (what it authorises). */
  label: string
  /** @default 256 */
  size?: number
}

/**
 * The QR image as SVG (sharp at any zoom, no canvas), black on white with a 2-module quiet zone,
 * named for assistive technology; "Enlarge QR code" shows it in a modal dialog as large as the
 * screen allows (a camera far from the screen, a small laptop), closed by its button or Escape.
 */
export function QrSigningCode({ value, label, size = 256 }: QrSigningCodeProps) {
  const { t } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const { size: modules, d } = useMemo(() => qrPath(value), [value])
  const symbol = (props: SVGProps<SVGSVGElement> & { 'data-qr-value'?: string }) => (
    <svg
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      {...props}
    >
      <path fill="#fff" d={`M0 0h${modules}v${modules}H0z`} />
      <path fill="#000" d={d} />
    </svg>
  )
  return (
    <>
      <div {...part('code')}>{symbol({ width: size, height: size, 'data-qr-value': value })}</div>
      <button
        type="button"
        {...part('enlarge')}
        data-variant="link"
        onClick={() => dialog.current?.showModal()}
      >
        {t('qr.enlarge')}
      </button>
      <dialog ref={dialog} {...part('enlarged')} aria-label={label}>
        {symbol({ width: size * 2, height: size * 2 })}
        <form method="dialog">
          <button {...part('close')} data-variant="primary">
            {t('common.close')}
          </button>
        </form>
      </dialog>
    </>
  )
}
