// Threat: secret leakage (T-E1, T-E2, T-E5, T-E6; ASVS 4 2.10.4, 7.1.1, 8.3.1): the app's secret
// key, integration key, admin password, cookie/receipt secrets, or the CENTAGATE session secrets
// (authToken, secretCode) reaching anything a browser can see (bodies, headers, cookies), the
// server's or the emulator's logs, error messages, or built browser bundles. Unique canary values
// are configured; every journey of the kit runs (SMS, challenge-response, QR by OTP and by
// approval, step-up with a transaction, enrolment through the admin account, failures, upstream
// faults, a signature mismatch, configuration errors); then 0 bytes may match.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { defaultIntegrationKey, defaultSecretKey } from '@centagate-kit/emulator'
import { afterAll, describe, expect, it } from 'vitest'
import { findCanaries } from './support/canaries'
import { loadUsername } from './support/fixtures'
import { device } from './support/kit-requests'
import { Journey, smsLoginUntilCode, smsStepUpUntilCode } from './support/journeys'
import { ConfigError, configFromEnv, createCentagateHandler } from '@centagate-kit/server'
import { latestCode } from './support/outbox'
import { createStack, kitConfig, upstreamBaseUrl } from './support/stack'

const stack = createStack({ loadUsers: 10 })
const control = stack.control.bind(stack)
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const findings: Record<string, string | number>[] = []

afterAll(() => {
  console.log('\nsecret canaries')
  console.table(findings)
})

/** Text of every file under `dir` (recursively), with its path. */
function filesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else out.push({ path, text: readFileSync(path, 'latin1') })
  }
  return out
}

describe('secret canaries', () => {
  it('runs every kit journey with canary secrets configured', async () => {
    // SMS login (bob), then a wrong password (no enumeration, same answer shape).
    const sms = await smsLoginUntilCode(stack.handle, control, 'bob', 'bob-password')
    await sms.journey.expectOk('sms/verify', { code: sms.code, device })
    await new Journey(stack.handle).send('login/start', {
      username: 'bob',
      password: 'wrong',
      device,
    })

    // Challenge-response login (dave's hardware token CR0000003).
    const cr = new Journey(stack.handle)
    await cr.expectOk('login/start', { username: 'dave', password: 'dave-password', device })
    const challenge = (await cr.expectOk('challenge/send', { device })) as { challenge: string }
    const { otp } = (await control('token/respond', {
      body: { serial: 'CR0000003', challenge: challenge.challenge },
    })) as { otp: string }
    await cr.expectOk('challenge/verify', { response: otp, device })

    // QR login by OTP (alice scans, types the OTP).
    const qr = new Journey(stack.handle)
    await qr.expectOk('login/start', { username: 'alice', password: 'alice-password', device })
    const sent = (await qr.expectOk('qr/send', { device })) as { qrValue: string }
    const scanned = (await control('app/scan', { body: { qrCode: sent.qrValue } })) as {
      otp: string
    }
    await qr.expectOk('qr/verify', { otp: scanned.otp, device })

    // QR step-up for a transaction, approved in the app, completed by polling.
    const qrStepUp = new Journey(stack.handle, { headers: { 'x-test-user': 'alice' } })
    await qrStepUp.expectOk('stepup/start', { transactionId: 'tx-qr-1', device })
    const qrSent = (await qrStepUp.expectOk('qr/send', { device })) as { pollAfterMs: number }
    await control('app/decision', { body: { username: 'alice', decision: 'approve' } })
    let status = 'pending'
    for (let poll = 0; poll < 3 && status === 'pending'; poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(qrSent.pollAfterMs, 1_100)))
      const answer = await qrStepUp.send('qr/status', { device })
      status = (answer.json as { status?: string }).status ?? `HTTP ${answer.status}`
    }
    expect(status).toBe('authenticated')

    // SMS step-up for a transaction (another SMS user as the app's logged-in user).
    const stepUp = await smsStepUpUntilCode(
      stack.handle,
      control,
      loadUsername(1),
      { headers: { 'x-test-user': loadUsername(1) } },
      'tx-sms-1',
    )
    await stepUp.journey.expectOk('sms/verify', { code: stepUp.code, device })

    // Enrolment through the admin account (canary password): carol adds a phone (her first
    // factor), steps up with it (a factor change needs a fresh step-up) and adds a token.
    const enrol = new Journey(stack.handle, { headers: { 'x-test-user': 'carol' } })
    await enrol.expectOk('tokens/register', { kind: 'sms', phoneNumber: '+60111222333', device })
    await enrol.expectOk('stepup/start', { device })
    await enrol.expectOk('sms/send', { device })
    const carolsCode = latestCode(await stack.control('outbox?username=carol'))
    await enrol.expectOk('sms/verify', { code: carolsCode, device })
    await enrol.expectOk('tokens/register', { kind: 'hardware', serial: 'CR0000002', device })

    // Wrong codes until the challenge locks, and a resend inside the cooldown.
    const wrong = await smsLoginUntilCode(stack.handle, control, loadUsername(0), 'load-password-0')
    for (let index = 0; index < 7; index += 1) {
      await wrong.journey.send('sms/verify', {
        code: index === 0 ? '000000' : '99999' + index,
        device,
      })
    }
    await wrong.journey.send('sms/send', { device })

    // Upstream faults at every kind (the fault bodies are CENTAGATE-shaped or HTML).
    for (const kind of [
      'http_error',
      'html',
      'malformed_json',
      'oversized',
      'redirect',
      'clock_skew',
      'drop',
    ]) {
      await control('faults', { body: { endpoint: 'authBasic', kind, count: 1 } })
      await new Journey(stack.handle).send('login/start', {
        username: 'bob',
        password: 'bob-password',
        device,
      })
    }
    await control('faults', { method: 'DELETE' })

    // A signature mismatch (23022): the server logs field names, lengths and a digest.
    const misconfigured = stack.traffic.wrap(
      createCentagateHandler(
        kitConfig(
          stack.canaries,
          {
            baseUrl: upstreamBaseUrl,
            integrationKey: stack.canaries.integrationKey,
            secretKey: `${stack.canaries.secretKey}-rotated`,
            fetch: stack.upstream,
          },
          stack.serverLog,
        ),
      ),
    )
    const mismatch = await new Journey(misconfigured).send('login/start', {
      username: 'bob',
      password: 'bob-password',
      device,
    })
    expect(mismatch.status).toBe(502)
    expect(stack.serverLog.lines.some((line) => line.includes('23022'))).toBe(true)

    // CSRF rejections and junk.
    await stack.handle(
      new Journey(stack.handle).request('login/start', {
        body: { username: 'bob', password: 'bob-password', device },
        origin: 'https://evil.example',
      }),
    )
    findings.push({ check: 'kit responses recorded', value: stack.traffic.exchanges.length })
  })

  it('0 canary bytes in browser-visible responses (bodies, headers, cookies) and logs', () => {
    const leaks = stack.leaks()
    findings.push({
      check: 'canary hits: responses + server log + emulator log',
      value: leaks.length,
    })
    findings.push({ check: 'server log lines scanned', value: stack.serverLog.lines.length })
    findings.push({ check: 'emulator log lines scanned', value: stack.emulatorLog.lines.length })
    expect(leaks).toEqual([])
  })

  it('0 CENTAGATE session secrets (authToken, secretCode) or raw upstream fields in responses', () => {
    const state = stack.emulator.export()
    const tokens = [...Object.keys(state.liveTokens), ...Object.keys(state.retiredTokens)]
    const secretCodes = Object.values(state.sessions)
      .map((session) => session.secretCode)
      .filter((code) => code.length > 0)
    expect(tokens.length).toBeGreaterThan(10)
    expect(secretCodes.length).toBeGreaterThan(3)
    const traffic = stack.traffic.text()
    const logs = stack.serverLog.lines.join('\n') + stack.emulatorLog.lines.join('\n')
    const tokenHits = tokens.filter((token) => traffic.includes(token) || logs.includes(token))
    const codeHits = secretCodes.filter((code) => traffic.includes(code) || logs.includes(code))
    const rawFields = stack.traffic.exchanges.filter((exchange) =>
      /"(authToken|secretCode|hmac|cenToken|integrationKey|secretKey|object|defAccId|devAccId)"\s*:/.test(
        exchange.body,
      ),
    )
    findings.push({
      check: `authTokens (${tokens.length}) / secretCodes (${secretCodes.length}) found in responses or logs`,
      value: tokenHits.length + codeHits.length,
    })
    findings.push({ check: 'responses with raw CENTAGATE fields', value: rawFields.length })
    expect(tokenHits).toEqual([])
    expect(codeHits).toEqual([])
    expect(rawFields.map((exchange) => exchange.url)).toEqual([])
  })

  it('configuration errors name the setting, never its value', () => {
    let message = ''
    try {
      configFromEnv({
        CENTAGATE_BASE_URL: `not a url ${stack.canaries.secretKey}`,
        CENTAGATE_INTEGRATION_KEY: stack.canaries.integrationKey,
        CENTAGATE_SECRET_KEY: stack.canaries.secretKey,
        CENTAGATE_ADMIN_PASSWORD: stack.canaries.adminPassword,
        CENTAGATE_COOKIE_SECRET: 'short',
      })
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      message = `${String(error)} ${JSON.stringify(error)}`
    }
    expect(message).toMatch(/CENTAGATE_BASE_URL/)
    expect(findCanaries(stack.canaries, 'ConfigError', message)).toEqual([])
    expect(message).not.toContain('short')
  })

  it('built demo bundle: 0 canary bytes and no server secrets or env names', async () => {
    const demo = join(repoRoot, 'apps/demo')
    if (!existsSync(join(demo, 'package.json'))) {
      findings.push({ check: 'demo build', value: 'apps/demo absent: skipped' })
      return
    }
    // Build the demo with every secret of its server set to a canary, into a temporary folder.
    const outDir = mkdtempSync(join(tmpdir(), 'centagate-demo-canary-'))
    try {
      const env = {
        ...process.env,
        CENTAGATE_SECRET_KEY: stack.canaries.secretKey,
        CENTAGATE_INTEGRATION_KEY: stack.canaries.integrationKey,
        CENTAGATE_ADMIN_PASSWORD: stack.canaries.adminPassword,
        CENTAGATE_COOKIE_SECRET: stack.canaries.cookieSecret,
        CENTAGATE_RECEIPT_SECRET: stack.canaries.receiptSecret,
        CENTAGATE_EMULATOR_SECRET_KEY: stack.canaries.secretKey,
        CENTAGATE_EMULATOR_INTEGRATION_KEY: stack.canaries.integrationKey,
      }
      await promisify(execFile)(
        process.execPath,
        [
          '--import',
          './scripts/register.mjs',
          './node_modules/vite/bin/vite.js',
          'build',
          '--configLoader',
          'native',
          '--outDir',
          outDir,
          '--emptyOutDir',
          '--logLevel',
          'error',
        ],
        { cwd: demo, env, timeout: 120_000 },
      )
      const files = filesUnder(outDir)
      expect(files.some((file) => file.path.endsWith('.js'))).toBe(true)
      const hits: string[] = []
      for (const file of files) {
        for (const hit of findCanaries(stack.canaries, relative(outDir, file.path), file.text)) {
          hits.push(`${hit.canary} in ${hit.where}`)
        }
        for (const needle of [
          'CENTAGATE_SECRET_KEY',
          'CENTAGATE_ADMIN_PASSWORD',
          'CENTAGATE_COOKIE_SECRET',
          defaultSecretKey,
          defaultIntegrationKey,
          'admin-password',
        ]) {
          if (file.text.includes(needle)) hits.push(`${needle} in ${relative(outDir, file.path)}`)
        }
      }
      findings.push({
        check: `demo bundle files scanned (${files.length}, canary env at build)`,
        value: `${hits.length} hits`,
      })
      expect(hits).toEqual([])
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  }, 150_000)

  it('existing build outputs: the demo bundle holds no server secret names or emulator keys', () => {
    const serverOnly = [
      'CENTAGATE_SECRET_KEY',
      'CENTAGATE_ADMIN_PASSWORD',
      'CENTAGATE_COOKIE_SECRET',
      defaultSecretKey,
      defaultIntegrationKey,
      'admin-password',
    ]
    // Values of CENTAGATE_* variables in this environment (if any) must be in no artefact.
    const envValues = Object.entries(process.env)
      .filter(([name, value]) => name.startsWith('CENTAGATE_') && (value ?? '').length >= 8)
      .map(([, value]) => value as string)
    const scan = (dir: string, needles: string[]) => {
      if (!existsSync(join(repoRoot, dir))) return null
      const files = filesUnder(join(repoRoot, dir))
      const hits = files.flatMap((file) =>
        needles
          .filter((needle) => file.text.includes(needle))
          .map((needle) => `${needle} in ${relative(repoRoot, file.path)}`),
      )
      return { files: files.length, hits }
    }
    const demo = scan('apps/demo/dist', [...serverOnly, ...envValues])
    // Storybook runs the server handler and the emulator in the browser on purpose (its fixture
    // keys are test values), so only real environment values are looked for there.
    const storybook = scan('storybook-static', envValues)
    findings.push({
      check: 'apps/demo/dist (server env names, emulator keys, env values)',
      value: demo === null ? 'absent' : `${demo.files} files, ${demo.hits.length} hits`,
    })
    findings.push({
      check: `storybook-static (values of ${envValues.length} CENTAGATE_* env variables)`,
      value:
        storybook === null ? 'absent' : `${storybook.files} files, ${storybook.hits.length} hits`,
    })
    expect(demo?.hits ?? []).toEqual([])
    expect(storybook?.hits ?? []).toEqual([])
  })
})
