/**
 * Signed-field orders are written the way API.md writes them ("U, smsOtp, TAIL") and expanded
 * here, so that the catalogue can be checked against the document line by line.
 */
import { TAIL } from './fields'

const abbreviations: Record<string, readonly string[]> = {
  U: ['username'],
  IK: ['integrationKey'],
  TS: ['unixTimestamp'],
  AT: ['authToken'],
  SF: ['supportFido'],
  IP: ['ipAddress'],
  UA: ['userAgent'],
  FP: ['browserFp'],
  TAIL,
}

/** Expands `"U, devAccId, otp, TAIL"` into the full field names, in order. */
export function order(spec: string): readonly string[] {
  return spec
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token.length > 0)
    .flatMap((token) => abbreviations[token] ?? [token])
}
