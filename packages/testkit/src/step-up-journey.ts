/**
 * A completed step-up without a transaction for the browser's identified user, through the kit's
 * own routes, so that the browser then holds a fresh step-up receipt (what a factor change asks
 * for). The code comes from the emulator: the user's SMS outbox, or a hardware token's response.
 */
import type { EmulatorControl } from './emulator-control'
import type { createKitBrowser } from './kit-browser'

type KitBrowser = ReturnType<typeof createKitBrowser>

export type StepUpFactor = { sms: string } | { token: string }

/**
 * @param factor `{ sms: username }` reads that user's latest SMS; `{ token: serial }` answers the
 *   challenge with that hardware token
 * @throws when any step does not answer as a working step-up does
 */
export async function completeStepUp(
  browser: KitBrowser,
  device: EmulatorControl,
  factor: StepUpFactor,
): Promise<void> {
  const expectStatus = (route: string, answer: { status: number; raw: string }) => {
    if (answer.status !== 200) throw new Error(`step-up ${route}: ${answer.status} ${answer.raw}`)
  }
  expectStatus('stepup/start', await browser.post('stepup/start'))
  let done
  if ('sms' in factor) {
    expectStatus('sms/send', await browser.post('sms/send'))
    done = await browser.post('sms/verify', { code: (await device.lastSms(factor.sms)).code })
  } else {
    const sent = await browser.post<{ challenge: string }>('challenge/send')
    expectStatus('challenge/send', sent)
    const response = await device.respond(factor.token, sent.body.challenge)
    done = await browser.post('challenge/verify', { response })
  }
  expectStatus('verify', done)
  if (done.body.status !== 'authenticated') throw new Error(`step-up: ${done.raw}`)
}
