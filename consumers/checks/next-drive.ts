// The Next.js consumer after `next build`, served by `next start`: bob signs in by SMS through the
// App Router route handler, and a GET on a kit route gets the kit's typed 405.
// Next hands route handlers a request whose URL is its own `http://localhost:<port>/...`, whatever
// the Host, so the kit's same-origin check needs the public origin in CENTAGATE_ALLOWED_ORIGINS
// (server README, Next.js); without it every browser POST is `csrf_rejected`.
import path from 'node:path'
import { startInstalledEmulator } from '../support/emulator'
import type { InstalledFixture } from '../support/fixtures'
import { expectAnswer, KitHttp } from '../support/kit-http'
import { freePort, start } from '../support/processes'

export async function nextDrive(
  app: InstalledFixture,
  emulatorHost: InstalledFixture,
): Promise<string> {
  const emulator = await startInstalledEmulator(emulatorHost.dir)
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const server = await start(
    path.join(app.dir, 'node_modules/.bin/next'),
    ['start', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: app.dir,
      env: { ...emulator.env, CENTAGATE_ALLOWED_ORIGINS: origin, NEXT_TELEMETRY_DISABLED: '1' },
      ready: /Ready|started server|Local:/i,
    },
  ).catch(async (error: unknown) => {
    await emulator.process.stop()
    throw error
  })
  try {
    const http = new KitHttp(origin)
    const login = await http.kit('login/start', { username: 'bob', password: 'bob-password' })
    expectAnswer('login/start', login, 200, { status: 'factor_required', flow: 'login' })
    const sms = await http.kit('sms/send')
    expectAnswer('sms/send', sms, 200, { status: 'sent', method: 'sms' })
    const verified = await http.kit('sms/verify', { code: await emulator.latestSmsCode('bob') })
    expectAnswer('sms/verify', verified, 200, { status: 'authenticated', method: 'sms' })
    const wrongMethod = await http.request('/api/centagate/login/start', { method: 'GET' })
    if (wrongMethod.status !== 405)
      throw new Error(`GET login/start: ${wrongMethod.status}, not 405`)
    return 'bob signed in by SMS through the route handler; GET answered 405'
  } finally {
    await server.stop()
    await emulator.process.stop()
  }
}
