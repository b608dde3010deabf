/**
 * The emulator's device simulators (control API under /__emulator/, only mounted when the demo runs
 * the built-in emulator): phone SMS inbox, CENTAGATE app, hardware token.
 */
import { kitHeaderName, kitHeaderValue } from '@centagate-kit/protocol'

export interface OutboxMessage {
  text: string
  code?: string
  sentAt?: number | string
  to?: string
}

export interface AppScanResult {
  details: string
  otp: string
  requestId?: string
}

export interface AuthenticatorCode {
  serial: string
  kind: 'mobile-app' | 'offline-token' | 'totp-token'
  otp: string
  validUntil: number
}

async function call<T>(path: string, init?: { method: string; body: unknown }): Promise<T> {
  const response = await fetch(`/__emulator/${path}`, {
    method: init?.method ?? 'GET',
    // Writes are JSON with the kit's header: the control API refuses anything a foreign page
    // could send (a cross-site form or `text/plain` fetch cannot carry either).
    headers: init ? { 'content-type': 'application/json', [kitHeaderName]: kitHeaderValue } : {},
    ...(init ? { body: JSON.stringify(init.body) } : {}),
  })
  const body = (await response.json().catch(() => null)) as T & { error?: unknown }
  if (!response.ok) {
    const detail = typeof body?.error === 'string' ? body.error : JSON.stringify(body?.error ?? '')
    throw new Error(`emulator ${response.status} ${detail}`)
  }
  return body
}

/** A push waiting in the user's CENTAGATE app (GET /__emulator/app/pushes). */
export interface PendingPush {
  requestId: string
  details: string
  expiresAt: number
}

/** What one of the user's code generators shows now (GET /__emulator/authenticators). */
export interface AppCode {
  serial: string
  kind: string
  otp: string
  validUntil: number
}

export const emulatorClient = {
  outbox: async (username: string): Promise<OutboxMessage[]> => {
    const body = await call<{ messages?: OutboxMessage[] } | OutboxMessage[]>(
      `outbox?username=${encodeURIComponent(username)}`,
    )
    return Array.isArray(body) ? body : (body.messages ?? [])
  },
  /** The user's enrolled factors (no secrets), for the drawer's defaults. */
  user: (username: string) =>
    call<{ tokens?: { serial: string; kind: string }[] }>(`users/${encodeURIComponent(username)}`),
  scan: (input: { qrCode: string } | { manualCode: string; username: string }) =>
    call<AppScanResult>('app/scan', { method: 'POST', body: input }),
  decide: (username: string, decision: 'approve' | 'reject') =>
    call<unknown>('app/decision', { method: 'POST', body: { username, decision } }),
  pushes: async (username: string): Promise<PendingPush[]> =>
    (await call<{ pushes: PendingPush[] }>(`app/pushes?username=${encodeURIComponent(username)}`))
      .pushes,
  decidePush: (username: string, requestId: string, decision: 'approve' | 'reject') =>
    call<unknown>('app/pushes/decision', {
      method: 'POST',
      body: { username, requestId, decision },
    }),
  codes: async (username: string): Promise<AppCode[]> =>
    (
      await call<{ authenticators: AppCode[] }>(
        `authenticators?username=${encodeURIComponent(username)}`,
      )
    ).authenticators,
  tokenRespond: (serial: string, challenge: string) =>
    call<{ otp: string }>('token/respond', { method: 'POST', body: { serial, challenge } }),
  /** What the user's code generators show now (the authenticator app's offline OTP token…). */
  authenticators: async (username: string): Promise<AuthenticatorCode[]> =>
    (
      await call<{ authenticators: AuthenticatorCode[] }>(
        `authenticators?username=${encodeURIComponent(username)}`,
      )
    ).authenticators,
  /** The CENTAGATE app scans an activation QR and the user types the SMS passcode into it. */
  activate: (qr: string, passcode: string) =>
    call<{ serial: string }>('app/activate', { method: 'POST', body: { qr, passcode } }),
}
