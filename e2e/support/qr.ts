/**
 * Reads a QR code the way a phone camera would: from the pixels on screen (a screenshot of the
 * element), never from the DOM or the app's state.
 */
import type { Locator } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

export async function decodeQrFromPixels(target: Locator): Promise<string> {
  const png = PNG.sync.read(await target.screenshot({ animations: 'disabled' }))
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!code) throw new Error('no QR code found in the screenshot')
  return code.data
}
