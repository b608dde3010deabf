/**
 * The emulator's control API (`/__emulator/*`) as typed calls: the user's phone (SMS outbox), the
 * hardware and soft tokens, the CENTAGATE app (scan a QR, approve or reject), the clock, faults,
 * per-endpoint call counts and reset. One client for every harness: over HTTP (`fetch`) or
 * in-process (`emulator.fetch`).
 */
import type { FaultSpec } from '@centagate-kit/emulator'
import { kitHeaderName, kitHeaderValue } from '@centagate-kit/protocol'

/** Sends a control request: `fetch` for an emulator on a port, `emulator.fetch` in-process. */
export type ControlSend = (request: Request) => Promise<Response>

export interface ControlAnswer<T> {
  status: number
  body: T
}

export interface SmsMessage {
  username: string
  code: string
  text: string
}

/** `GET /__emulator/stats`: CENTAGATE calls per catalogue endpoint since the last reset. */
export interface UpstreamStats {
  total: number
  byEndpoint: Record<string, number>
  unmatched: number
}

/** A push waiting in the CENTAGATE app. */
export interface PendingPush {
  requestId: string
  username: string
  accountId: string
  details: string
  issuedAt: number
  expiresAt: number
}

/** One code generator of a user and what it shows now. */
export interface AuthenticatorCode {
  serial: string
  kind: 'mobile-app' | 'offline-token' | 'totp-token'
  otp: string
  period: number
  digits: number
  validUntil: number
}

/** An app activation waiting for the app to scan its QR. */
export interface PendingActivation {
  id: string
  username: string
  qr: string
  status: string
  expiresAt: number
}

export type FaultInput = Partial<FaultSpec> & Pick<FaultSpec, 'endpoint' | 'kind'>

export type EmulatorControl = ReturnType<typeof createEmulatorControl>

/**
 * @param send how requests reach the emulator
 * @param origin the emulator's origin (any origin for an in-process `emulator.fetch`)
 */
export function createEmulatorControl(send: ControlSend, origin: string) {
  /** Any control call; the status is the test's to check. */
  async function control<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ControlAnswer<T>> {
    const response = await send(
      new Request(`${origin}/__emulator/${path}`, {
        method,
        // What the control API demands of a write (JSON and the kit's header); harmless on reads.
        headers: { 'content-type': 'application/json', [kitHeaderName]: kitHeaderValue },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
    return { status: response.status, body: (await response.json()) as T }
  }
  /** A control call that must succeed. */
  async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await control<T>(method, path, body)
    if (answer.status >= 300) {
      throw new Error(`emulator control ${method} ${path}: ${JSON.stringify(answer.body)}`)
    }
    return answer.body
  }
  const stats = () => ok<UpstreamStats>('GET', 'stats')
  /** SMS the user received, oldest first. */
  const outbox = async (username: string): Promise<SmsMessage[]> =>
    (await ok<{ messages: SmsMessage[] }>('GET', `outbox?username=${encodeURIComponent(username)}`))
      .messages

  // Readings (outbox, codes, stats) throw when the emulator refuses; actions (decide, advance,
  // fault, reset) answer status and body, so a test can also expect a refusal.
  return {
    control,
    outbox,
    /** The user's latest SMS. @throws when there is none. */
    async lastSms(username: string): Promise<SmsMessage> {
      const last = (await outbox(username)).at(-1)
      if (last === undefined) throw new Error(`no SMS for ${username}`)
      return last
    },
    /** The hardware token's (or the app's) response to a challenge. */
    async respond(serial: string, challenge: string): Promise<string> {
      return (await ok<{ otp: string }>('POST', 'token/respond', { serial, challenge })).otp
    },
    /** The current code of a soft (TOTP) token. */
    async totp(serial: string): Promise<string> {
      return (await ok<{ otp: string }>('GET', `token/totp?serial=${encodeURIComponent(serial)}`))
        .otp
    },
    /** The CENTAGATE app scans a QR value: the details it shows and its OTP. */
    scan(qrCode: string): Promise<{ details: string; otp: string; requestId: string }> {
      return ok('POST', 'app/scan', { qrCode })
    },
    /** The app approves or rejects the user's pending QR request (404: none pending). */
    decide: (username: string, decision: 'approve' | 'reject') =>
      control('POST', 'app/decision', { username, decision }),
    /** The user's pending pushes (CENTAGATE app), newest first, with the details they show. */
    async pushes(username: string): Promise<PendingPush[]> {
      return (
        await ok<{ pushes: PendingPush[] }>(
          'GET',
          `app/pushes?username=${encodeURIComponent(username)}`,
        )
      ).pushes
    },
    /** The app approves or rejects a push (the newest pending one unless `requestId`). */
    decidePush: (username: string, decision: 'approve' | 'reject', requestId?: string) =>
      control('POST', 'app/pushes/decision', {
        username,
        decision,
        ...(requestId === undefined ? {} : { requestId }),
      }),
    /** What the user's code generators (app, authenticator, TOTP tokens) show now. */
    async authenticators(username: string, serial?: string): Promise<AuthenticatorCode[]> {
      const query = `username=${encodeURIComponent(username)}${
        serial === undefined ? '' : `&serial=${encodeURIComponent(serial)}`
      }`
      return (await ok<{ authenticators: AuthenticatorCode[] }>('GET', `authenticators?${query}`))
        .authenticators
    },
    /** Pending CENTAGATE app activations (device/register/onetimepin) of a user. */
    async activations(username: string): Promise<PendingActivation[]> {
      return (
        await ok<{ activations: PendingActivation[] }>(
          'GET',
          `app/activations?username=${encodeURIComponent(username)}`,
        )
      ).activations
    },
    /** The app scans an activation QR and the user types the passcode into it. */
    activate: (qr: string, passcode: string) =>
      control<{ username?: string; accountId?: string; serial?: string; error?: string }>(
        'POST',
        'app/activate',
        { qr, passcode },
      ),
    /** Moves the emulator's clock (and a kit sharing it) forward; answers the new time. */
    advance: (seconds: number) =>
      control<{ now: number; unixTimestamp: number }>('POST', 'clock', { advanceSeconds: seconds }),
    /** Injects a fault on an endpoint (`*` for all). */
    fault: (spec: FaultInput) => control('POST', 'faults', spec),
    stats,
    /** CENTAGATE calls so far: all endpoints, or one. */
    async upstreamCalls(endpoint?: string): Promise<number> {
      const current = await stats()
      return endpoint === undefined ? current.total : (current.byEndpoint[endpoint] ?? 0)
    },
    /** Back to the fixtures: state, faults and stats (the clock keeps its offset). */
    reset: () => control('POST', 'reset'),
  }
}
