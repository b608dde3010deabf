/**
 * The journeys' `test`: every test starts from the emulator's fixtures, records the browser's
 * network traffic and, at the end, asserts that no secret reached the browser: the canary keys,
 * and every authToken and secretCode the emulator issued during the test (read from its state).
 */
import { test as base, expect } from '@playwright/test'
import { type EmulatorControl, emulatorControl } from './emulator'
import { type NetworkLog, recordNetwork } from './network-log'

interface Fixtures {
  emulator: EmulatorControl
  network: NetworkLog
}

/** Every authToken / secretCode value in the emulator's exported state. */
function issuedSecrets(state: unknown): string[] {
  const found: string[] = []
  const visit = (value: unknown, key?: string) => {
    if (Array.isArray(value)) value.forEach((item) => visit(item))
    else if (value && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) visit(child, name)
    } else if (typeof value === 'string' && key && /authToken|secretCode/i.test(key)) {
      found.push(value)
    }
  }
  visit(state)
  return found
}

export const test = base.extend<Fixtures>({
  emulator: async ({ request }, use) => {
    const emulator = emulatorControl(request)
    await emulator.reset()
    // The demo's kit server shares the emulator's clock: a day later every cooldown, hourly
    // quota and lockout of earlier journeys has expired on both sides.
    await emulator.advanceClock(25 * 3600)
    await use(emulator)
  },
  network: async ({ page, request }, use, testInfo) => {
    const log = recordNetwork(page)
    await use(log)
    const state = await (await request.get('/__emulator/state')).json()
    const leaks = await log.findLeaks(issuedSecrets(state))
    if (testInfo.status !== testInfo.expectedStatus) {
      // Diagnostics: the kit and bank API answers the browser saw (secret-free: checked below).
      const answers = log.entries
        .filter((entry) => entry.kind === 'response' && /\/api\//.test(entry.url))
        .map((entry) =>
          entry.text
            .split('\n')
            .filter((_, index) => index !== 1)
            .join(' '),
        )
      await testInfo.attach('api-answers.txt', {
        body: answers.join('\n'),
        contentType: 'text/plain',
      })
    }
    expect(leaks, 'secrets seen by the browser').toEqual([])
  },
})

export { expect }
