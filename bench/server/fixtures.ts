/**
 * Shared fixtures of the server benchmark: what the upstream answers, the request every shape
 * receives, and the kit's configuration.
 *
 * Success-path variant (shape `kit-success`): every request carries a fresh flow cookie opened
 * through the kit itself (a distinct SMS challenge each), the upstream accepts the code and asks
 * for another factor, so the kit rewrites the flow's record (rotated token, methods left).
 *
 * Keeping `sms/verify` repeatable under load: every verification sends a wrong code, the upstream
 * answers 23008 "Invalid SMS OTP" (one fixed envelope), and the kit's attempt limits are configured
 * high, so each request does the full work (validation, cookie unseal, limit checks, signing, one
 * upstream call, mapping to `otp_invalid`, failure counters) and the next one can do it again.
 * Each autocannon connection carries its own flow cookie (its own flow), so no request waits for
 * another request of its flow (the requests of one flow take turns).
 */

import type { UpstreamTransport } from '@centagate-kit/server'

/** CENTAGATE's v2 base path (protocol basePaths.v2) and the call the kit makes for `sms/verify`. */
export const authSmsOtpPath = '/v2/CentagateWS/webresources/auth/authSmsOtp'

const envelope = (code: string, message: string, object: unknown) =>
  JSON.stringify({
    code,
    message,
    object: object === '' ? '' : JSON.stringify(object),
  })

/** The one fixed envelope measured under load (the answer to a wrong SMS code). */
export const wrongCodeEnvelope = envelope('23008', 'Invalid SMS OTP', '')

const loginEnvelope = envelope('0', 'Success', {
  authToken: 'bench-auth-token-0123456789abcdef0123456789abcdef',
  secretCode: '',
  authMethods: 'SMS',
  multiStepAuth: 'true',
  defAccId: 'bench-account',
})
const smsEnvelope = envelope('0', 'Success', { phone: '+60123456789', timeout: '300' })

/**
 * The answer to a RIGHT code for the success-path variant: another factor is required, so the kit
 * rewrites the flow's record in the store (the cookie stays) and answers `factor_required`.
 */
export const rightCodeEnvelope = envelope('0', 'Success', {
  authToken: 'bench-auth-token-rotated-0123456789abcdef0123456789',
  secretCode: '',
  authMethods: 'SMS,CROTP',
  multiStepAuth: 'true',
})

/** Users of the minted success-path flows (see servers.ts `kit-success`). */
export const successUserPrefix = 'bench.ok'

/** The stand-in CENTAGATE: success for the calls that open a flow, the fixed envelope otherwise. */
export function upstreamAnswers(url: string, body: unknown): string {
  if (url.endsWith('/auth/authBasic')) return loginEnvelope
  if (url.endsWith('/req/requestSmsOtp')) return smsEnvelope
  const username = (body as { username?: unknown }).username
  if (typeof username === 'string' && username.startsWith(successUserPrefix)) {
    return rightCodeEnvelope
  }
  return wrongCodeEnvelope
}

/** {@link upstreamAnswers} as an in-memory transport: the kit in process, no upstream socket. */
export const inMemoryUpstream: UpstreamTransport = (request) => {
  const text = upstreamAnswers(request.url, JSON.parse(request.body ?? '{}'))
  return Promise.resolve({
    status: 200,
    redirect: false,
    header: (name) => (name === 'content-type' ? 'application/json' : null),
    text: () => Promise.resolve(text),
    discard: () => Promise.resolve(),
  })
}

/** The `sms/verify` body the browser sends (same body for every shape). */
export const verifyBody = JSON.stringify({
  code: '000000',
  device: {
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    browserFp: '9f86d081884c7d659a2feaa0c55ad015',
  },
})

export const basePath = '/api/centagate'

/**
 * Attempt and send limits far above what one benchmark run can reach (every flow comes from the
 * one loopback address of the load generator).
 */
export const benchLimits = {
  challengeMaxFailures: 1e9,
  userMaxFailures: 1e9,
  ipMaxFailures: 1e9,
  smsCooldownMs: 0,
  smsPerHour: 1e9,
  smsPerIpPerHour: 1e9,
  smsGlobalPerHour: 1e9,
}

/** The kit handler's configuration for the benchmark (all values are bench-only fakes). */
export function kitBenchConfig(
  upstreamOrigin: string,
  fetch?: (input: string, init: RequestInit) => Promise<Response>,
) {
  return {
    basePath,
    centagate: {
      baseUrl: upstreamOrigin,
      integrationKey: 'bench-integration-key',
      secretKey: 'bench-secret-key-0123456789abcdef0123456789abcdef',
      ...(fetch === undefined ? {} : { fetch }),
    },
    cookieSecrets: [{ id: 'bench', secret: 'bench-cookie-secret-0123456789abcdef0123456789' }],
    limits: benchLimits,
  }
}

/** The headers the browser kit sends (CSRF: custom header, same Origin, JSON). */
export const kitHeaders = (origin: string, cookie?: string): Record<string, string> => ({
  'content-type': 'application/json',
  'x-centagate-kit': '1',
  origin,
  ...(cookie ? { cookie } : {}),
})

/** Merges Set-Cookie headers into a `name=value; ...` cookie header. */
export function mergeCookies(current: string | undefined, setCookies: string[]): string {
  const jar = new Map<string, string>()
  for (const pair of (current ?? '').split(/;\s*/).filter(Boolean)) {
    const [name, ...value] = pair.split('=')
    jar.set(name!, value.join('='))
  }
  for (const header of setCookies) {
    const [pair] = header.split(';')
    const [name, ...value] = pair!.split('=')
    const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(header) || value.join('=') === ''
    if (expired) jar.delete(name!.trim())
    else jar.set(name!.trim(), value.join('='))
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}
