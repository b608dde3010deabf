import { Suspense, lazy, useRef } from 'react'
import { useI18n } from '../i18n/use-i18n'

/**
 * qrcode.react, loaded on first render: the encoder is the heaviest thing a QR widget needs and
 * most pages never show a QR, so it stays out of the initial bundle (an app's bundler splits the
 * dynamic import into its own chunk).
 */
const LazyQrSvg = lazy(() =>
  import('qrcode.react').then((module) => ({ default: module.QRCodeSVG })),
)

/** The parts a QR code renders, named in the calling widget's anatomy (its `data-scope`). */
export type QrCodePart = 'code' | 'enlarge' | 'enlarged' | 'close'

export interface QrCodeProps {
  /** The text the QR code carries (a CENTAGATE QR payload, an `otpauth://` URI…). */
  value: string
  /** The accessible name of the image (what scanning it does). */
  label: string
  /** The `data-scope` / `data-part` attributes of a part, from the widget's anatomy. */
  part: (name: QrCodePart) => { 'data-scope': string; 'data-part': string }
  /** Size in CSS px without the stylesheet (styles.css sizes it with `--ck-qr-size`). @default 256 */
  size?: number
}

interface SymbolProps {
  value: string
  label: string
  size: number
  /** Rendered value for tests that read the QR back (only on the inline code). */
  withValue?: boolean
}

/**
 * The QR symbol (SVG, black on white, error correction M, a 2-module quiet zone), or while the
 * encoder loads an empty square of the same size and name, so nothing around it moves.
 */
function QrSymbol({ value, label, size, withValue = false }: SymbolProps) {
  const named = { role: 'img', 'aria-label': label }
  return (
    <Suspense
      fallback={
        <svg viewBox="0 0 1 1" width={size} height={size} {...named} aria-busy="true">
          <rect width="1" height="1" fill="#fff" />
        </svg>
      }
    >
      <LazyQrSvg
        value={value}
        size={size}
        level="M"
        marginSize={2}
        bgColor="#fff"
        fgColor="#000"
        shapeRendering="crispEdges"
        {...named}
        {...(withValue ? { 'data-qr-value': value } : {})}
      />
    </Suspense>
  )
}

/**
 * A QR code for a phone to scan, named for assistive technology, with "Enlarge QR code": a modal
 * dialog as large as the screen allows (a camera far from the screen, a small laptop), closed by
 * its button or Escape. Shared by every widget that shows a QR (QR signing, authenticator
 * enrolment, app activation).
 */
export function QrCode({ value, label, part, size = 256 }: QrCodeProps) {
  const { t } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  return (
    <>
      <div {...part('code')} data-qr="">
        <QrSymbol value={value} label={label} size={size} withValue />
      </div>
      <button
        type="button"
        {...part('enlarge')}
        data-variant="link"
        onClick={() => dialog.current?.showModal()}
      >
        {t('qr.enlarge')}
      </button>
      <dialog ref={dialog} {...part('enlarged')} data-qr="" aria-label={label}>
        <QrSymbol value={value} label={label} size={size * 2} />
        <form method="dialog">
          <button {...part('close')} data-variant="primary">
            {t('common.close')}
          </button>
        </form>
      </dialog>
    </>
  )
}
