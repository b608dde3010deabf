// Threats (shared/reference/anchors-security.md): the browser core must not (1) leak a typed OTP or
// an upstream secret into errors, snapshots or logs; (2) accept a server answer that carries more
// than the contract allows (an authToken, a full phone number, transaction text with hidden or
// reordering characters); (3) send a kit call without the
// CSRF header or with cross-origin credentials; (4) talk to any host but the kit server (no
// third-party request, e.g. the fingerprint vendor); (5) amplify requests (retry loops).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDeviceSignals } from './device-signals'
import { createKitClient } from './kit-client'
import { createStepUpMachine } from './step-up/step-up-machine'
import { createStepUpFetch } from './step-up-interceptor'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import { refusedStrings } from '@centagate-kit/testkit/hostile-strings'
import { createManualVisibility } from './visibility'

const secretCode = '918273'

let logged: unknown[][]
beforeEach(() => {
  vi.useFakeTimers()
  logged = []
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => logged.push(args))
  }
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

function flow() {
  const server = createFakeKitFetch()
  const now = server.serverNow
  server.on('stepup/start', () => ({ body: bodies.factorRequired(now(), ['sms']) }))
  server.on('sms/send', () => ({ body: bodies.smsSent(now()) }))
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const machine = createStepUpMachine({ client, visibility: createManualVisibility() })
  return { server, client, machine }
}

const serialise = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Error ? { ...v, message: v.message, name: v.name, stack: v.stack } : v,
  )

describe('client security', () => {
  it('(1) a wrong OTP never appears in the error, the snapshot or any log line', async () => {
    const { server, machine } = flow()
    server.on('sms/verify', () => ({ error: 'otp_invalid', fields: { attemptsLeft: 4 } }))
    machine.send({ type: 'START.STEPUP' })
    await vi.advanceTimersByTimeAsync(0)
    machine.send({ type: 'CODE.SUBMIT', code: secretCode })
    await vi.advanceTimersByTimeAsync(0)
    const snapshot = machine.getSnapshot()
    expect(snapshot.child?.error?.code).toBe('otp_invalid')
    expect(serialise(snapshot)).not.toContain(secretCode)
    expect(serialise(logged)).not.toContain(secretCode)
    // A malformed code refused locally is not echoed either.
    machine.send({ type: 'CODE.SUBMIT', code: `${secretCode}x` })
    expect(serialise(machine.getSnapshot())).not.toContain(secretCode)
  })

  it('(2) an answer carrying an authToken or a full phone number is refused as bad_response', async () => {
    const { server, client } = flow()
    const leaks = [
      { ...bodies.smsSent(server.serverNow()), authToken: 'tok-secret-1' },
      { ...bodies.smsSent(server.serverNow()), phoneNumber: '+60123456789' },
      { ...bodies.smsSent(server.serverNow()), maskedPhone: 'x'.repeat(40) },
    ]
    for (const leak of leaks) {
      server.on('sms/send', () => Response.json(leak))
      const error = await client.smsSend().catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'bad_response' })
      expect(serialise(error)).not.toContain('tok-secret-1')
      expect(serialise(error)).not.toContain('+60123456789')
    }
  })

  it('(2b) a transaction with hidden or reordering characters is refused as bad_response', async () => {
    // What you see is what you sign (issue 14): should a server ever pass such a transaction on,
    // the browser refuses to show it (the generated checks enforce protocol's display-text rule).
    const { server, client } = flow()
    for (const { text } of refusedStrings) {
      const answer = bodies.factorRequired(server.serverNow(), ['qr'])
      const transaction = { id: 'tx-1', summary: text, fields: [] }
      server.on('stepup/start', () => Response.json({ ...answer, transaction }))
      const error = await client.stepUpStart({ transactionId: 'tx-1' }).catch((e: unknown) => e)
      expect(error, JSON.stringify(text)).toMatchObject({ code: 'bad_response' })
      expect(serialise(error)).not.toContain(text)
    }
  })

  it('(3) every kit call carries the CSRF header and never cross-origin credentials', async () => {
    const { server, machine } = flow()
    server.on('sms/verify', () => ({ body: bodies.authenticated(server.serverNow()) }))
    machine.send({ type: 'START.STEPUP' })
    await vi.advanceTimersByTimeAsync(0)
    machine.send({ type: 'CODE.SUBMIT', code: secretCode })
    await vi.advanceTimersByTimeAsync(0)
    expect(machine.getSnapshot().state).toBe('approved')
    expect(server.requests.length).toBe(3)
    for (const request of server.requests) {
      expect(request.method).toBe('POST')
      expect(request.headers.get('x-centagate-kit')).toBe('1')
      expect(request.credentials).toBe('same-origin')
    }
  })

  it('(4) a full flow only talks to the kit base path (no third-party host)', async () => {
    const urls: string[] = []
    const { server } = flow()
    server.on('sms/verify', () => ({ body: bodies.authenticated(server.serverNow()) }))
    const client = createKitClient({
      fetch: (input, init) => {
        urls.push(String(input))
        return server.fetch(input, init)
      },
      deviceSignals: createDeviceSignals({ loadVisitorId: async () => 'visitor1' }),
    })
    client.deviceSignals.start()
    const machine = createStepUpMachine({ client, visibility: createManualVisibility() })
    machine.send({ type: 'START.STEPUP' })
    await vi.advanceTimersByTimeAsync(0)
    machine.send({ type: 'CODE.SUBMIT', code: secretCode })
    await vi.advanceTimersByTimeAsync(0)
    expect(urls.length).toBeGreaterThan(0)
    expect(urls.every((url) => url.startsWith('/api/centagate/'))).toBe(true)
  })

  it('(5) the step-up fetch never loops: at most one retry per request', async () => {
    const appFetch = vi.fn(async () =>
      Response.json(
        { error: { code: 'step_up_required', messageKey: 'kit.step_up_required' }, requestId: 'r' },
        { status: 401 },
      ),
    )
    const requestStepUp = vi.fn(async () => true)
    const f = createStepUpFetch({ fetch: appFetch as unknown as typeof fetch, requestStepUp })
    expect((await f('/api/transfer')).status).toBe(401)
    expect(appFetch).toHaveBeenCalledTimes(2)
    expect(requestStepUp).toHaveBeenCalledTimes(1)
  })
})
