/**
 * The emulator's control API (/__emulator/*, mounted by the demo server when it runs the built-in
 * emulator), called from the test process: it plays the user's phone, app and token.
 */
import { type APIRequestContext, expect } from '@playwright/test'

export interface OutboxMessage {
  text: string
  code?: string
}

export function emulatorControl(request: APIRequestContext) {
  const call = async <T>(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown) => {
    const response = await request.fetch(`/__emulator/${path}`, {
      method,
      // What the control API demands of a write (a foreign page cannot send this header).
      headers: { 'content-type': 'application/json', 'x-centagate-kit': '1' },
      ...(data === undefined ? {} : { data }),
    })
    expect(response.ok(), `${method} /__emulator/${path} → ${response.status()}`).toBe(true)
    return (await response.json()) as T
  }

  const outbox = async (username: string): Promise<OutboxMessage[]> => {
    const body = await call<{ messages?: OutboxMessage[] } | OutboxMessage[]>(
      'GET',
      `outbox?username=${encodeURIComponent(username)}`,
    )
    return Array.isArray(body) ? body : (body.messages ?? [])
  }

  return {
    reset: () => call('POST', 'reset', {}),
    outbox,
    /** The code of the newest SMS for `username`, waiting for it to arrive. */
    async latestSmsCode(username: string, after = 0): Promise<string> {
      let code: string | undefined
      await expect
        .poll(async () => {
          const messages = await outbox(username)
          code = messages.length > after ? messages.at(-1)?.code : undefined
          return code
        })
        .toBeTruthy()
      return code!
    },
    tokenRespond: async (serial: string, challenge: string) =>
      (await call<{ otp: string }>('POST', 'token/respond', { serial, challenge })).otp,
    scan: (qrCode: string) =>
      call<{ details: string; otp: string; requestId?: string }>('POST', 'app/scan', { qrCode }),
    decide: (username: string, decision: 'approve' | 'reject') =>
      call('POST', 'app/decision', { username, decision }),
    advanceClock: (advanceSeconds: number) => call('POST', 'clock', { advanceSeconds }),
    /** The pushes waiting in the user's CENTAGATE app, newest first, with their details. */
    pushes: async (username: string) =>
      (
        await call<{ pushes: { requestId: string; details: string }[] }>(
          'GET',
          `app/pushes?username=${encodeURIComponent(username)}`,
        )
      ).pushes,
    /** The app approves or rejects the user's newest pending push. */
    decidePush: (username: string, decision: 'approve' | 'reject') =>
      call('POST', 'app/pushes/decision', { username, decision }),
    /** The code the user's CENTAGATE app shows now. */
    appCode: async (username: string) => {
      const { authenticators } = await call<{ authenticators: { kind: string; otp: string }[] }>(
        'GET',
        `authenticators?username=${encodeURIComponent(username)}`,
      )
      const app = authenticators.find((generator) => generator.kind === 'mobile-app')
      expect(app, `${username} has the CENTAGATE app`).toBeDefined()
      return app!.otp
    },
  }
}

export type EmulatorControl = ReturnType<typeof emulatorControl>

/** What the user's code generators show now (control API `GET authenticators`). */
export async function authenticatorCodes(request: APIRequestContext, username: string) {
  const response = await request.get(`/__emulator/authenticators?username=${username}`)
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { authenticators: { kind: string; otp: string }[] })
    .authenticators
}
