// `centagate-kit doctor` as a user runs it: the bin of the installed server tarball through
// `npm exec` on plain node (no tsx and no src/ in the install), against the installed emulator bin
// started with `--tenant-orders vendor-samples` (a tenant that accepts only the vendor's Node
// sample orders). Bad environment: exit 2 with a clear message. Then `--json`: the printed
// `signedOrder` puts `authToken` before `integrationKey` for requestOtpChallenge, and the
// node-server fixture given it in CENTAGATE_SIGNED_ORDER logs alice in with her hardware token and
// signs a transaction, while the same server with the default orders meets 23022 as a typed
// integration_error.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { startInstalledEmulator } from '../support/emulator'
import type { InstalledFixture } from '../support/fixtures'
import { expectAnswer, KitHttp } from '../support/kit-http'
import { freePort, start } from '../support/processes'

interface Exit {
  code: number | null
  stdout: string
  stderr: string
}

/** The process environment without any CENTAGATE_* variable (the doctor must ask for them). */
function envWithoutCentagate(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('CENTAGATE_')),
  )
}

/** `npm exec -- centagate-kit <args>` in the installed fixture: its exit code and both streams. */
function doctor(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['exec', '--offline', '--', 'centagate-kit', ...args], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.once('error', reject)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Alice: password, then her hardware token's answer to a challenge (requestOtpChallenge). */
async function tokenLogin(http: KitHttp) {
  const login = await http.kit('login/start', { username: 'alice', password: 'alice-password' })
  expectAnswer('login/start', login, 200, { status: 'factor_required', flow: 'login' })
  return http.kit('challenge/send')
}

async function withServer<T>(
  server: InstalledFixture,
  env: NodeJS.ProcessEnv,
  body: (http: KitHttp) => Promise<T>,
): Promise<T> {
  const port = await freePort()
  const app = await start('node', ['dist/server.js'], {
    cwd: server.dir,
    env: { ...env, PORT: String(port) },
    ready: /listening on/,
  })
  try {
    return await body(new KitHttp(`http://127.0.0.1:${port}`))
  } finally {
    await app.stop()
  }
}

export async function doctorDrive(server: InstalledFixture): Promise<string> {
  const modules = path.join(server.dir, 'node_modules')
  if (existsSync(path.join(modules, 'tsx'))) throw new Error('tsx is installed: not plain node')
  if (existsSync(path.join(modules, '@centagate-kit/server/src'))) {
    throw new Error('the server tarball shipped src/')
  }

  const bad = await doctor(
    server.dir,
    ['doctor', '--json', '--username', 'alice', '--password', 'alice-password'],
    envWithoutCentagate(),
  )
  if (bad.code !== 2 || !bad.stderr.includes('CENTAGATE_BASE_URL') || /\n\s+at /.test(bad.stderr)) {
    throw new Error(`doctor without CENTAGATE_* (want exit 2, a clear message): ${bad.code}
${bad.stderr}`)
  }

  const emulator = await startInstalledEmulator(server.dir, ['--tenant-orders', 'vendor-samples'])
  try {
    const env = { ...envWithoutCentagate(), ...emulator.env }
    const found = await doctor(
      server.dir,
      ['doctor', '--json', '--username', 'alice', '--password', 'alice-password'],
      env,
    )
    if (found.code !== 0) {
      throw new Error(`doctor --json exited ${found.code}\n${found.stdout}\n${found.stderr}`)
    }
    for (const secret of [emulator.env.CENTAGATE_SECRET_KEY!, 'alice-password']) {
      if (`${found.stdout}${found.stderr}`.includes(secret)) {
        throw new Error('the doctor printed a secret or the password')
      }
    }
    const printed = JSON.parse(found.stdout) as { signedOrder: Record<string, string[]> }
    const order = printed.signedOrder.requestOtpChallenge ?? []
    const [token, key] = [order.indexOf('authToken'), order.indexOf('integrationKey')]
    if (token < 0 || key < 0 || token > key) {
      throw new Error(
        `requestOtpChallenge order: want authToken before integrationKey, got ${order.join(',')}`,
      )
    }

    // The default orders: the vendor-samples tenant refuses the challenge (23022), typed.
    await withServer(server, env, async (http) => {
      const sent = await tokenLogin(http)
      expectAnswer('challenge/send with the default orders', sent, 502)
      const error = sent.body.error as { code?: string; returnCode?: string } | undefined
      if (error?.code !== 'integration_error' || error.returnCode !== '23022') {
        throw new Error(
          `default orders: want integration_error 23022, got ${JSON.stringify(sent.body)}`,
        )
      }
    })

    // The printed orders: alice logs in with her token and signs tx-1 by SMS.
    await withServer(
      server,
      { ...env, CENTAGATE_SIGNED_ORDER: found.stdout.trim() },
      async (http) => {
        const sent = await tokenLogin(http)
        expectAnswer('challenge/send', sent, 200, { status: 'sent', method: 'challenge' })
        const response = await emulator.tokenResponse('CR0000001', String(sent.body.challenge))
        const verified = await http.kit('challenge/verify', { response })
        expectAnswer('challenge/verify', verified, 200, { status: 'authenticated' })
        const stepUp = await http.kit('stepup/start', { transactionId: 'tx-1' })
        expectAnswer('stepup/start', stepUp, 200, { status: 'factor_required', flow: 'stepup' })
        expectAnswer('sms/send', await http.kit('sms/send'), 200, { status: 'sent' })
        const code = await emulator.latestSmsCode('alice')
        const signed = await http.kit('sms/verify', { code })
        expectAnswer('sms/verify', signed, 200, { status: 'authenticated', flow: 'stepup' })
        const transfer = await http.request('/api/transfer/tx-1', { method: 'POST' })
        expectAnswer('transfer after step-up', transfer, 200, { transferred: true })
      },
    )
    return `exit 2 without CENTAGATE_*; requestOtpChallenge ${order.join(',')}; ${Object.keys(printed.signedOrder).length} endpoints; default orders 23022, printed orders: token login + SMS-signed transfer`
  } finally {
    await emulator.process.stop()
  }
}
