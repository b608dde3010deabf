/**
 * Runnable example: a vanilla step-up by SMS with `createKitClient` + `createStepUpMachine`, against
 * the real kit server handler and the CENTAGATE emulator, all in this process (no browser, no
 * port, no account). Run from the repository root:
 *
 *   node packages/client/examples/run.mjs sms-step-up
 *
 * In a browser you would drop the in-process backend and call `createKitClient()` with no options:
 * it posts to `/api/centagate` on the page's own origin.
 */
import { createDeviceSignals, createKitClient, createStepUpMachine } from '@centagate-kit/client'
import type { StepUpSnapshot } from '@centagate-kit/client'
import { createEmulator } from '@centagate-kit/emulator'
import { createCentagateHandler } from '@centagate-kit/server'

/** The kit server + emulator as a `fetch` (what your backend does for real). */
function inProcessBackend(username: string) {
  const emulator = createEmulator()
  const handler = createCentagateHandler({
    centagate: {
      baseUrl: 'http://centagate-emulator.invalid',
      ...emulator.credentials,
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    },
    cookieSecrets: [{ id: 'example', secret: 'example-only-cookie-secret-0123456789abcdef' }],
    identify: async () => ({ username }),
  })
  let cookie = ''
  const fetch: typeof globalThis.fetch = async (input, init) => {
    // A browser adds these itself on a same-origin call.
    const headers = new Headers(init?.headers)
    headers.set('origin', 'http://bank.test')
    headers.set('sec-fetch-site', 'same-origin')
    if (cookie) headers.set('cookie', cookie)
    const request = new Request(new URL(String(input), 'http://bank.test'), { ...init, headers })
    const response = await handler(request, { clientAddress: '127.0.0.1' })
    const setCookie = response.headers.getSetCookie()[0]
    if (setCookie) cookie = setCookie.split(';')[0] ?? ''
    return response
  }
  const smsInbox = async () => {
    const response = await emulator.fetch(
      new Request(`http://centagate-emulator.invalid/__emulator/outbox?username=${username}`),
    )
    const { messages } = (await response.json()) as { messages: { code: string }[] }
    return messages.at(-1)?.code ?? ''
  }
  return { fetch, smsInbox }
}

/**
 * Runs one step-up and returns the states it went through: the step-up machine's, and in `method`
 * the SMS machine's it runs (`method › sms awaiting-otp`).
 */
export async function runSmsStepUp(log: (line: string) => void = () => {}): Promise<string[]> {
  // bob has SMS only: the machine picks it and sends the code without asking.
  const backend = inProcessBackend('bob')
  const client = createKitClient({
    fetch: backend.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const machine = createStepUpMachine({ client })
  const states: string[] = []

  const done = new Promise<StepUpSnapshot>((resolve) => {
    machine.subscribe(() => {
      const snapshot = machine.getSnapshot()
      const { child } = snapshot
      const state = child ? `${snapshot.state} › ${child.method} ${child.state}` : snapshot.state
      if (states.at(-1) === state) return
      states.push(state)
      log(`state: ${state}`)
      if (child?.method === 'sms' && child.state === 'awaiting-otp' && child.sent) {
        const left = Math.round(client.clock.remainingMs(child.sent.expiresAt) / 1000)
        log(`  code sent to ${child.sent.maskedPhone}, valid for ${left} s`)
        // Here the user would read their phone; the emulator's SMS outbox stands in for it.
        // Method events sent to the step-up machine go to the SMS machine it runs.
        void backend.smsInbox().then((code) => machine.send({ type: 'CODE.SUBMIT', code }))
      }
      if (['approved', 'locked', 'error'].includes(snapshot.state)) resolve(snapshot)
    })
  })

  machine.send({ type: 'START.STEPUP' })
  const final = await done
  log(final.result ? `authenticated with ${final.result.method}` : `ended: ${final.error?.code}`)
  machine.dispose()
  return states
}

/** Entry point for `examples/run.mjs`. */
export const run = runSmsStepUp
