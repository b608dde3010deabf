import { correction, generate } from 'lean-qr/nano'

/** A QR symbol drawn as one SVG path, in module units. */
export interface QrPath {
  /** Modules per side, quiet zone included: the `viewBox` is `0 0 size size`. */
  size: number
  /** `d` of a path that fills exactly the dark modules. */
  d: string
}

/**
 * Encodes `value` as a QR symbol (UTF-8 bytes, error correction level M: about 15 % of the symbol
 * may be unreadable) and draws its dark modules as horizontal runs, one rectangle per run. Runs
 * rather than single modules: fewer path commands, and no anti-aliased seams between neighbours.
 *
 * @param quietZone light modules around the symbol. @default 2
 */
export function qrPath(value: string, quietZone = 2): QrPath {
  const symbol = generate(value, { minCorrectionLevel: correction.M })
  const modules = symbol.size
  let d = ''
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) {
      if (!symbol.get(x, y)) continue
      const start = x
      while (symbol.get(x + 1, y)) x++
      const run = x - start + 1
      d += `M${start + quietZone} ${y + quietZone}h${run}v1h-${run}z`
    }
  }
  return { size: modules + 2 * quietZone, d }
}
