// The contract end to end: this client and its step-up machine against the REAL kit server handler
// in front of the REAL CENTAGATE emulator (both Web fetch handlers, in process, no port). Every
// server answer passes the client's strict protocol validation or the test fails.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEmulator } from '@centagate-kit/emulator'
import type { Emulator } from '@centagate-kit/emulator'
import { kitHeaderName, kitHeaderValue } from '@centagate-kit/protocol'
import { createCentagateHandler } from '@centagate-kit/server'
import type {
  ChallengeSendResponse,
  QrSendResponse,
  SmsSendResponse,
  TransactionView,
} from '@centagate-kit/protocol'
import { createDeviceSignals } from './device-signals'
import { createKitClient } from './kit-client'
import type { KitClientError } from './kit-client-error'
import type { CodeState } from './methods/code/code-transitions'
import type { QrState } from './methods/qr/qr-transitions'
import { createStepUpMachine } from './step-up/step-up-machine'
import type { StepUpState } from './step-up/step-up-types'
import { createManualVisibility } from './visibility'

const origin = 'http://bank.test'
const transaction: TransactionView = {
  id: 'tx-1042',
  summary: 'Transfer MYR 1,250.00 to Siti Aminah',
  fields: [
    { name: 'amount', label: 'Amount', value: 'MYR 1,250.00' },
    { name: 'payee', label: 'To', value: 'Siti Aminah' },
  ],
}

async function control<T>(emulator: Emulator, method: string, path: string, body?: unknown) {
  const response = await emulator.fetch(
    new Request(`http://centagate-emulator.invalid/__emulator/${path}`, {
      method,
      // Control writes are JSON with the kit's header (what a foreign page cannot send).
      headers: { 'content-type': 'application/json', [kitHeaderName]: kitHeaderValue },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  )
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status}`)
  return (await response.json()) as T
}

function setup(user = 'alice') {
  const emulator = createEmulator()
  const handler = createCentagateHandler({
    centagate: {
      baseUrl: 'http://centagate-emulator.invalid',
      ...emulator.credentials,
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    },
    cookieSecrets: [{ id: 'test', secret: 'client-integration-cookie-secret-0123456789' }],
    now: () => emulator.clock.now(),
    identify: async () => ({ username: user }),
    getTransaction: async (_request, id) =>
      id === transaction.id ? { view: transaction, value: '1250.00' } : null,
  })
  // What a browser adds to a same-origin fetch: Origin, Sec-Fetch-Site and the flow cookie.
  let cookies = new Map<string, string>()
  const routes: string[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input), origin)
    routes.push(url.pathname.replace('/api/centagate/', ''))
    const headers = new Headers(init?.headers)
    headers.set('origin', origin)
    headers.set('sec-fetch-site', 'same-origin')
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await handler(new Request(url, { ...init, headers }), {
      clientAddress: '127.0.0.1',
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at)
      if (/max-age=0/i.test(line)) cookies.delete(name)
      else cookies = new Map(cookies).set(name, pair.slice(at + 1))
    }
    return response
  }
  const client = createKitClient({
    fetch,
    deviceSignals: createDeviceSignals({
      fingerprint: false,
      userAgent: () => 'IntegrationTest/1',
    }),
  })
  const machine = createStepUpMachine({ client, visibility: createManualVisibility() })
  /** The method machine's state while one runs, else the step-up machine's. */
  const flowState = (): string => {
    const snapshot = machine.getSnapshot()
    return snapshot.child?.state ?? snapshot.state
  }
  const states: string[] = []
  machine.subscribe(() => {
    const state = flowState()
    if (states.at(-1) !== state) states.push(state)
  })
  const reached = (state: StepUpState | CodeState | QrState) =>
    vi.waitFor(() => expect(flowState()).toBe(state), { timeout: 5_000 })
  /** What the method machine's last send answered. */
  const sent = <T>() => machine.getSnapshot().child?.sent as T
  const device = {
    latestSms: async () =>
      (
        await control<{ messages: { code: string }[] }>(emulator, 'GET', 'outbox?username=' + user)
      ).messages.at(-1)?.code,
    tokenResponse: async (challenge: string) =>
      (
        await control<{ otp: string }>(emulator, 'POST', 'token/respond', {
          serial: 'CR0000001',
          challenge,
        })
      ).otp,
    scanQr: (qrCode: string) =>
      control<{ details: string; otp: string }>(emulator, 'POST', 'app/scan', { qrCode }),
    decide: (decision: 'approve' | 'reject') =>
      control(emulator, 'POST', 'app/decision', { username: user, decision }),
  }
  return { emulator, client, machine, states, reached, device, routes, sent }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('client + machine against the real kit server and emulator', () => {
  it('step-up by SMS: choose, receive, a wrong code, then the right one', async () => {
    const { machine, reached, device, routes, sent } = setup()
    machine.send({ type: 'START.STEPUP', transactionId: transaction.id })
    await reached('choosing')
    const snapshot = machine.getSnapshot()
    expect(snapshot.methods.map((m) => m.method)).toEqual(['qr', 'challenge', 'push', 'sms'])
    expect(snapshot.transaction).toEqual(transaction)

    machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    machine.send({ type: 'CODE.SEND' }) // double click
    await reached('awaiting-otp')
    expect(routes.filter((r) => r === 'sms/send')).toHaveLength(1)
    const sms = sent<SmsSendResponse>()
    expect(sms.maskedPhone).toMatch(/^•••• \d{4}$/)
    expect(sms.resendAvailableAt).toBeLessThan(sms.expiresAt)

    const code = await device.latestSms()
    expect(code).toMatch(/^\d{4,10}$/)
    const wrong = code === '000000' ? '111111' : '000000'
    machine.send({ type: 'CODE.SUBMIT', code: wrong })
    await vi.waitFor(() => expect(machine.getSnapshot().child?.error?.code).toBe('otp_invalid'))
    expect(machine.getSnapshot().child?.state).toBe('awaiting-otp')
    expect(machine.getSnapshot().child?.attemptsLeft).toBeLessThan(sms.attemptsLeft)

    machine.send({ type: 'CODE.SUBMIT', code: code! })
    await reached('approved')
    expect(machine.getSnapshot().result).toMatchObject({ status: 'authenticated', method: 'sms' })
  })

  it('resend during the cooldown is refused locally, no second SMS', async () => {
    const { machine, reached, routes, client, sent } = setup()
    machine.send({ type: 'START.STEPUP' })
    await reached('choosing')
    machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await reached('awaiting-otp')
    machine.send({ type: 'CODE.SEND' })
    expect(machine.getSnapshot().child?.error).toMatchObject({ code: 'rate_limited' })
    expect(machine.getSnapshot().child?.retryAt).toBe(sent<SmsSendResponse>().resendAvailableAt)
    // The server agrees when asked directly.
    const refused = await client.smsSend().catch((error: KitClientError) => error)
    expect(refused).toMatchObject({ code: 'rate_limited' })
    expect(routes.filter((r) => r === 'sms/send')).toHaveLength(2)
  })

  it('challenge-response with the hardware token', async () => {
    const { machine, reached, device, sent } = setup()
    machine.send({ type: 'START.STEPUP' })
    await reached('choosing')
    machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    await reached('awaiting-otp')
    const challenge = sent<ChallengeSendResponse>().challenge
    expect(challenge).toBeTruthy()
    machine.send({ type: 'CODE.SUBMIT', code: await device.tokenResponse(challenge!) })
    await reached('approved')
    expect(machine.getSnapshot().result?.method).toBe('challenge')
  })

  it('QR signing: the app scans, sees the transaction, approves; polling ends approved', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { machine, reached, device, routes, sent } = setup()
    machine.send({ type: 'START.STEPUP', transactionId: transaction.id })
    await reached('choosing')
    machine.send({ type: 'METHOD.CHOOSE', method: 'qr' })
    await reached('awaiting-approval')
    const qr = sent<QrSendResponse>()
    const scanned = await device.scanQr(qr.qrValue)
    expect(scanned.details).toContain('Siti Aminah')
    await device.decide('approve')
    await vi.advanceTimersByTimeAsync(qr.pollAfterMs)
    await reached('approved')
    expect(routes.filter((r) => r === 'qr/status').length).toBeGreaterThanOrEqual(1)
    const polls = routes.length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(routes).toHaveLength(polls)
  })

  it('QR rejected in the app → denied', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { machine, reached, device, sent } = setup()
    machine.send({ type: 'START.STEPUP', transactionId: transaction.id })
    await reached('choosing')
    machine.send({ type: 'METHOD.CHOOSE', method: 'qr' })
    await reached('awaiting-approval')
    await device.scanQr(sent<QrSendResponse>().qrValue)
    await device.decide('reject')
    await vi.advanceTimersByTimeAsync(sent<QrSendResponse>().pollAfterMs)
    await reached('denied')
  })

  it('a user with SMS only gets it auto-chosen and sent', async () => {
    const { machine, reached, routes } = setup('bob')
    machine.send({ type: 'START.STEPUP' })
    await reached('awaiting-otp')
    expect(machine.getSnapshot().method).toBe('sms')
    expect(routes).toEqual(['stepup/start', 'sms/send'])
  })
})
