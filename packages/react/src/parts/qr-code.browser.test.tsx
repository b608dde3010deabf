import jsQR from 'jsqr'
import { describe, expect, test } from 'vitest'
import { render } from 'vitest-browser-react'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { partsOf } from '../internal/anatomy'
import { QrCode, type QrCodePart } from './qr-code'

const part = partsOf<QrCodePart>('qr-test')

/** Paints the rendered SVG on a canvas and reads it back as a camera would. */
async function decode(svg: SVGSVGElement, side = 400): Promise<string | undefined> {
  const image = new Image()
  const source = new XMLSerializer().serializeToString(svg)
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = side
  canvas.height = side
  const context = canvas.getContext('2d')!
  context.drawImage(image, 0, 0, side, side)
  const pixels = context.getImageData(0, 0, side, side)
  return jsQR(pixels.data, side, side)?.data
}

describe('QrCode (qrcode.react in a lazy chunk)', () => {
  test('holds a same-sized, named place while loading, then draws a QR that decodes', async () => {
    const value = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example'
    const screen = await render(<QrCode value={value} label="Scan me" part={part} size={200} />)
    const code = screen.container.querySelector('[data-part="code"]')!
    const first = code.querySelector('svg')!
    expect(first.getAttribute('aria-label')).toBe('Scan me')
    expect(first.getAttribute('width')).toBe('200')
    await expect.poll(() => code.querySelector('svg[data-qr-value]')).not.toBeNull()
    const svg = code.querySelector<SVGSVGElement>('svg[data-qr-value]')!
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-label')).toBe('Scan me')
    expect(svg.getAttribute('width')).toBe('200')
    expect(await decode(svg)).toBe(value)
    expect(await axeViolations(screen.container)).toEqual([])
  })

  test('UTF-8 text survives the round trip', async () => {
    const value = 'Pay RM 1,250.00 to 陈 · Ünïcode'
    const screen = await render(<QrCode value={value} label="Scan me" part={part} />)
    await expect
      .poll(() => screen.container.querySelector('[data-part="code"] svg[data-qr-value]'))
      .not.toBeNull()
    const svg = screen.container.querySelector<SVGSVGElement>(
      '[data-part="code"] svg[data-qr-value]',
    )!
    expect(await decode(svg)).toBe(value)
  })
})
