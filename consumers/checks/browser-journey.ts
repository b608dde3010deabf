// The built Vite page in Chromium, against the node-server consumer and the installed emulator:
// bob signs in with his password and the SMS code through <StepUp login>, then a request the
// server guards with requireStepUp opens the step-up dialog of <StepUpBoundary> for the
// transaction. Every request the page makes stays on its own origin (no third-party call).
import path from 'node:path'
import { chromium, type Page } from 'playwright'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'
import { type RunningEmulator, startInstalledEmulator } from '../support/emulator'
import type { InstalledFixture } from '../support/fixtures'
import { freePort, start } from '../support/processes'

export async function browserJourney(
  page: InstalledFixture,
  server: InstalledFixture,
): Promise<string> {
  const emulator = await startInstalledEmulator(server.dir)
  const serverPort = await freePort()
  const previewPort = await freePort()
  const stops: Array<() => Promise<void>> = [emulator.process.stop]
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const kitServer = await start('node', ['dist/server.js'], {
      cwd: server.dir,
      env: { ...emulator.env, PORT: String(serverPort) },
      ready: /listening on/,
    })
    stops.push(kitServer.stop)
    const origin = `http://127.0.0.1:${previewPort}`
    const preview = await start(
      path.join(page.dir, 'node_modules/.bin/vite'),
      ['preview', '--port', String(previewPort), '--strictPort'],
      {
        cwd: page.dir,
        env: { KIT_SERVER_URL: `http://127.0.0.1:${serverPort}` },
        ready: new RegExp(`127\\.0\\.0\\.1:${previewPort}`),
      },
    )
    stops.push(preview.stop)

    const tab = await browser.newPage()
    const foreign: string[] = []
    const consoleErrors: string[] = []
    // A step that times out says what the page said before it.
    const withErrors = (error: unknown): never => {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\npage errors: ${consoleErrors.join(' | ') || 'none'}`,
      )
    }
    tab.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url)
    })
    tab.on('console', (message) => {
      // Expected answers the browser logs as failed loads: the guarded transfer's 401, and the
      // step-up's SMS inside the resend cooldown of the login's SMS (429).
      if (message.type() === 'error' && !/status of (401|429)\b/.test(message.text()))
        consoleErrors.push(message.text())
    })
    tab.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`))
    await tab.goto(origin).catch(withErrors)
    await signInAndTransfer(tab, emulator).catch(withErrors)

    if (foreign.length > 0) throw new Error(`requests off the page's origin: ${foreign.join(', ')}`)
    if (consoleErrors.length > 0) throw new Error(`console errors: ${consoleErrors.join(' | ')}`)
    return 'bob signed in by SMS; the guarded transfer opened the step-up dialog for tx-1'
  } finally {
    await browser.close()
    for (const stop of stops.reverse()) await stop()
  }
}

/** The user's part: password, SMS code, then the transfer that needs a step-up. */
async function signInAndTransfer(tab: Page, emulator: RunningEmulator): Promise<void> {
  await tab.getByLabel('Username').fill('bob')
  await tab.getByLabel('Password').fill('bob-password')
  await tab.getByRole('button', { name: 'Sign in' }).click()
  // bob has SMS only: the kit sends the code as soon as the step opens.
  const codeField = tab.getByLabel(/Verification code/)
  await codeField.waitFor({ timeout: 15_000 })
  const code = await emulator.latestSmsCode('bob')
  await codeField.fill(code) // the field submits once every digit is there
  await tab.getByRole('status').filter({ hasText: 'Signed in as bob' }).waitFor({ timeout: 15_000 })

  await tab.getByRole('button', { name: 'Send money' }).click()
  const dialog = tab.getByRole('dialog')
  await dialog.waitFor({ timeout: 15_000 })
  await dialog.getByText('Transfer MYR 1,250.00 to Ahmad').first().waitFor({ timeout: 15_000 })
}
