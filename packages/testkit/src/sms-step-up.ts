/**
 * One full SMS step-up through a kit mounted in some framework at `appUrl`, with
 * the code read from the emulator's outbox, and the app's own step-up-protected route checked.
 */
import { expect } from 'vitest'
import { createEmulatorControl } from './emulator-control'
import { createKitBrowser } from './kit-browser'

export async function runSmsStepUp(input: {
  appUrl: string
  emulatorUrl: string
  /** An app route guarded by requireStepUp (POST), answering 200 when allowed. */
  protectedPath?: string
}) {
  const browser = createKitBrowser((request) => fetch(request), {
    origin: input.appUrl,
    cookies: { 'app-session': 'alice' },
  })
  const start = await browser.post('stepup/start', { transactionId: 'tx-100' })
  expect(start.body).toMatchObject({ status: 'factor_required', flow: 'stepup' })
  const sent = await browser.post('sms/send')
  expect(sent.body).toMatchObject({ status: 'sent', method: 'sms' })
  const phone = createEmulatorControl((request) => fetch(request), input.emulatorUrl)
  const done = await browser.post('sms/verify', { code: (await phone.lastSms('alice')).code })
  expect(done.body).toMatchObject({ status: 'authenticated', flow: 'stepup', method: 'sms' })
  expect(done.headers.getSetCookie().some((cookie) => cookie.startsWith('centagate-stepup='))).toBe(
    true,
  )
  if (input.protectedPath !== undefined) {
    const call = () =>
      fetch(`${input.appUrl}${input.protectedPath}`, {
        method: 'POST',
        headers: { cookie: browser.cookieHeader() },
      })
    expect((await call()).status).toBe(200)
    const again = await call()
    expect(again.status).toBe(401)
    expect(again.headers.get('www-authenticate')).toMatch(/insufficient_user_authentication/)
  }
}
