import jsQR from 'jsqr'
import { describe, expect, test } from 'vitest'
import { qrPath } from './qr-path'

const run = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/g

/** The dark modules the path fills, read back from its `d` (which must be runs and nothing else). */
function modulesOf(d: string, size: number): boolean[][] {
  expect(d.replace(run, '')).toBe('')
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false))
  for (const [, x, y, width, back] of d.matchAll(run)) {
    expect(back).toBe(width)
    const row = grid[Number(y)]!
    for (let i = 0; i < Number(width); i++) row[Number(x) + i] = true
  }
  return grid
}

/** Paints the modules black on white, `scale` pixels each, and reads them as a camera would. */
function decode(grid: boolean[][], scale = 4): string | undefined {
  const side = grid.length * scale
  const pixels = new Uint8ClampedArray(side * side * 4)
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const light = grid[Math.floor(py / scale)]?.[Math.floor(px / scale)] ? 0 : 255
      pixels.set([light, light, light, 255], (py * side + px) * 4)
    }
  }
  return jsQR(pixels, side, side)?.data
}

describe('qrPath', () => {
  test.each([
    ['a short value', 'CGQR1:eyJ0eCI6InR4LTQyIn0='],
    ['a value with non-ASCII text', 'Pay RM 1,250.00 to Tan Ah Kow — 付款'],
    ['the longest value the kit accepts (2048 characters)', 'CGQR1:'.padEnd(2048, 'Ab9+/')],
  ])('encodes %s so that a QR reader gets it back', (_, value) => {
    const { size, d } = qrPath(value)
    expect(decode(modulesOf(d, size))).toBe(value)
  })

  test('keeps the quiet zone light on every side', () => {
    const quietZone = 3
    const { size, d } = qrPath('tx-42', quietZone)
    const grid = modulesOf(d, size)
    const margin = (i: number) => i < quietZone || i >= size - quietZone
    grid.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (margin(x) || margin(y)) expect(dark, `module ${x},${y}`).toBe(false)
      }),
    )
    // The finder pattern's corner starts right inside it.
    expect(grid[quietZone]?.[quietZone]).toBe(true)
  })

  test('a version 1 symbol (21 modules) for a short value, 2 modules of quiet zone by default', () => {
    expect(qrPath('tx-42').size).toBe(21 + 2 * 2)
  })

  test('different values give different symbols', () => {
    expect(qrPath('tx-42').d).not.toBe(qrPath('tx-43').d)
  })
})
