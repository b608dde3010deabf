/**
 * The client IP: the connection address the adapter saw, or, behind `trustedProxyCount` proxies
 * that each append the address they saw, the hop that the outermost trusted proxy appended.
 * Headers added by the client itself are never trusted (they are to the left).
 */
import type { KitRequest } from './kit-request'

export function clientIp(
  request: KitRequest,
  connectionAddress: string | undefined,
  trustedProxyCount: number,
): string {
  const fallback = connectionAddress ?? 'unknown'
  if (trustedProxyCount <= 0) return fallback
  const header = request.header('x-forwarded-for')
  if (header === null) return fallback
  const hops = header
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0)
  return hops[hops.length - trustedProxyCount] ?? fallback
}
