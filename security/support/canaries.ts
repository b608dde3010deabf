/**
 * Canary secrets: unique values configured as the app's secret key, integration key, the admin
 * password and the cookie/receipt secrets. A canary found in any browser-visible byte, log line or
 * built artefact is a leak. Fresh per process so that a value cannot match by accident.
 */
import { randomBytes } from 'node:crypto'

const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomAlnum(length: number): string {
  const bytes = randomBytes(length)
  return Array.from(bytes, (byte) => alnum[byte % alnum.length]).join('')
}

export interface Canaries {
  /** The app's HMAC secret key (CENTAGATE_SECRET_KEY). */
  readonly secretKey: string
  /** The app's integration key (64 lowercase hex, CENTAGATE_INTEGRATION_KEY). */
  readonly integrationKey: string
  /** The admin account's password (CENTAGATE_ADMIN_PASSWORD). */
  readonly adminPassword: string
  /** Flow-cookie sealing secret. */
  readonly cookieSecret: string
  /** Step-up receipt signing secret. */
  readonly receiptSecret: string
}

/** New canaries; the fixed prefixes make a hit easy to recognise in a report. */
export function createCanaries(): Canaries {
  return {
    secretKey: `CnSk${randomAlnum(20)}`,
    integrationKey: `cafe${randomBytes(30).toString('hex')}`,
    adminPassword: `CanaryAdminPw-${randomAlnum(20)}`,
    cookieSecret: `canary-cookie-secret-${randomAlnum(32)}`,
    receiptSecret: `canary-receipt-secret-${randomAlnum(32)}`,
  }
}

/** The spellings of a secret a leak could take: raw, URL-encoded, Base64 and Base64url. */
function encodings(value: string): string[] {
  const base64 = Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, '')
  const base64url = Buffer.from(value, 'utf8').toString('base64url')
  // A Base64 string of the value embedded in longer text depends on alignment; the first 16
  // characters of each of the three alignments are enough to catch it.
  const shifted = [1, 2].map((pad) =>
    Buffer.from('x'.repeat(pad) + value, 'utf8')
      .toString('base64')
      .slice(4, 20),
  )
  return [value, encodeURIComponent(value), base64.slice(0, 16), base64url.slice(0, 16), ...shifted]
}

export interface CanaryHit {
  readonly canary: keyof Canaries
  readonly where: string
  readonly form: string
}

/**
 * Every place (`where`) where a canary or one of its encodings occurs in `text`. An empty array
 * means clean.
 */
export function findCanaries(canaries: Canaries, where: string, text: string): CanaryHit[] {
  const hits: CanaryHit[] = []
  for (const [name, value] of Object.entries(canaries) as [keyof Canaries, string][]) {
    for (const form of encodings(value)) {
      if (text.includes(form))
        hits.push({ canary: name, where, form: form === value ? 'raw' : form })
    }
  }
  return hits
}
