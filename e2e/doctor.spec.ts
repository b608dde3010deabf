/**
 * Issue 15, point 7, through the browser: the emulator CLI plays a tenant that accepts only the
 * vendor's Node sample orders (`--tenant-orders vendor-samples`); `centagate-kit doctor --json`
 * finds them (requestOtpChallenge: authToken before integrationKey); the demo, run against that
 * "real" CENTAGATE with the printed config (`CENTAGATE_SIGNED_ORDER`), then logs alice in with
 * her token in a browser.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { canary } from './support/canary'

const run = promisify(execFile)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const credentials = {
  integrationKey: 'e2ed' + '0123456789abcdef'.repeat(3) + '0123456789ab',
  secretKey: 'DoctorJourneySecret',
}
const children: ChildProcess[] = []

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/**
 * Spawns `command` in the repository; with `ready`, waits until its output matches it (its first
 * group is the answer).
 */
function start(command: string[], env: Record<string, string>, ready?: RegExp) {
  const child = spawn('pnpm', command, {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise<string>((resolve, reject) => {
    let output = ''
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready?.exec(output)
      if (match) resolve(match[1] ?? match[0])
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) =>
      reject(new Error(`${command.join(' ')} exited ${code}: ${output}`)),
    )
  })
}

let emulatorUrl = ''
let demoUrl = ''
let signedOrder: Record<string, string[]> = {}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  emulatorUrl = await start(
    [
      'exec',
      'centagate-emulator',
      '--port',
      '0',
      '--integration-key',
      credentials.integrationKey,
      '--secret-key',
      credentials.secretKey,
      '--tenant-orders',
      'vendor-samples',
    ],
    {},
    /listening on (http:\/\/\S+)/,
  )
  const centagate = {
    CENTAGATE_BASE_URL: emulatorUrl,
    CENTAGATE_INTEGRATION_KEY: credentials.integrationKey,
    CENTAGATE_SECRET_KEY: credentials.secretKey,
  }
  const doctor = await run(
    'pnpm',
    [
      'exec',
      'centagate-kit',
      'doctor',
      '--json',
      '--username',
      'alice',
      '--password',
      'alice-password',
    ],
    { cwd: root, env: { ...process.env, NODE_OPTIONS: '', ...centagate } },
  )
  signedOrder = (JSON.parse(doctor.stdout) as { signedOrder: Record<string, string[]> }).signedOrder
  // The demo's production build (the webServer built it) against that tenant, with the config.
  const port = await freePort()
  const preview = start(['--filter', 'demo', 'preview'], {
    ...centagate,
    PORT: String(port),
    CENTAGATE_COOKIE_SECRET: canary.cookieSecret,
    CENTAGATE_SIGNED_ORDER: JSON.stringify({ signedOrder }),
  })
  preview.catch(() => undefined)
  demoUrl = `http://127.0.0.1:${port}`
  await expect
    .poll(
      () =>
        fetch(`${demoUrl}/api/bank/config`).then(
          (r) => r.status,
          () => 0,
        ),
      {
        timeout: 60_000,
      },
    )
    .toBe(200)
})

test.afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM')
  }
})

test('the doctor against vendor-sample orders, then a browser login with its printed config', async ({
  page,
  request,
}) => {
  const challengeOrder = signedOrder.requestOtpChallenge!
  expect(challengeOrder.indexOf('authToken')).toBeGreaterThanOrEqual(0)
  expect(challengeOrder.indexOf('authToken')).toBeLessThan(challengeOrder.indexOf('integrationKey'))

  await page.goto(`${demoUrl}/`)
  await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor()
  await page.getByLabel('Username').fill('alice')
  await page.getByLabel('Password').fill('alice-password')
  await page.getByRole('button', { name: 'Continue' }).click()
  const stepUp = page.locator('main').getByRole('region', { name: 'Confirm it is you' })
  await stepUp.getByRole('button', { name: /Security token/ }).click()
  const digits = stepUp.locator('[data-part="challenge-digits"]')
  const show = stepUp.getByRole('button', { name: 'Show challenge' })
  await expect(digits.or(show).first()).toBeVisible()
  if (!(await digits.isVisible())) await show.click()
  // requestOtpChallenge was signed in the tenant's order: with the kit's default it is 23022.
  const challenge = ((await digits.textContent()) ?? '').replace(/\D/g, '')
  const answer = await request.post(`${emulatorUrl}/__emulator/token/respond`, {
    headers: { 'content-type': 'application/json', 'x-centagate-kit': '1' },
    data: { serial: 'CR0000001', challenge },
  })
  expect(answer.ok()).toBe(true)
  await stepUp
    .getByLabel('Response from your token')
    .fill(((await answer.json()) as { otp: string }).otp)
  await page.getByRole('heading', { name: 'Your accounts', level: 1 }).waitFor()
})
