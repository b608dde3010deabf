/**
 * The key of a client address in per-IP limits. An IPv4 address counts as itself; an IPv4-mapped
 * IPv6 address (`::ffff:192.0.2.7`, what a dual-stack socket reports for IPv4 callers) as that
 * IPv4 address; any other IPv6 address by its /64 prefix, because one subscriber line or host
 * usually holds a whole /64 and could otherwise rotate through 2^64 fresh budgets.
 */

/** The per-IP limit key of `ip` (a text address as the adapter or trusted proxy gave it). */
export function ipLimitKey(ip: string): string {
  const address = ip.trim().replace(/^\[(.*)\]$/, '$1')
  const v4 = parseIpv4(address)
  if (v4 !== null) return v4.join('.')
  const v6 = parseIpv6(address)
  if (v6 === null) {
    // Not an address (a misconfigured proxy header): its own bucket, bounded in length.
    return `other:${address.slice(0, 64).toLowerCase()}`
  }
  if (v6.slice(0, 5).every((part) => part === 0) && v6[5] === 0xffff) {
    const [high = 0, low = 0] = v6.slice(6)
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
  }
  return `${v6
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes = parts.map((part) => (/^[0-9]{1,3}$/.test(part) ? Number(part) : Number.NaN))
  return bytes.every((byte) => byte <= 255) ? bytes : null
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped), or `null`. */
function parseIpv6(text: string): number[] | null {
  const address = text.replace(/%.*$/, '')
  if (!address.includes(':') || address.length > 45) return null
  const halves = address.split('::')
  if (halves.length > 2) return null
  const groups = (half: string | undefined): number[] | null => {
    if (half === undefined || half === '') return []
    const result: number[] = []
    const parts = half.split(':')
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part)
        if (v4 === null) return null
        result.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!)
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
        result.push(Number.parseInt(part, 16))
      } else {
        return null
      }
    }
    return result
  }
  const head = groups(halves[0])
  const tail = halves.length === 2 ? groups(halves[1]) : []
  if (head === null || tail === null) return null
  if (halves.length === 1) return head.length === 8 ? head : null
  const missing = 8 - head.length - tail.length
  if (missing < 1) return null
  return [...head, ...Array<number>(missing).fill(0), ...tail]
}
