// The Next.js consumer after `next build`, served by `next start`: bob signs in by SMS through the
// App Router route handler, and a GET on a kit route gets the kit's typed 405. No
// CENTAGATE_ALLOWED_ORIGINS: Next hands route handlers a URL on its own `http://localhost:<port>`
// whatever the Host, and the adapter checks the page's origin against the Host (here 127.0.0.1),
// so this proves same-origin POSTs pass through a real `next start`.
import path from 'node:path'
import { startInstalledEmulator } from '../support/emulator'
import type { InstalledFixture } from '../support/fixtures'
import { device, expectAnswer, KitHttp } from '../support/kit-http'
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
      env: { ...emulator.env, NEXT_TELEMETRY_DISABLED: '1' },
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
    // Next's own request URL is not the page's origin: a page on it is another site here.
    const nextOwn = await new KitHttp(origin).request('/api/centagate/login/start', {
      method: 'POST',
      headers: {
        origin: `http://localhost:${port}`,
        'content-type': 'application/json',
        'x-centagate-kit': '1',
      },
      body: JSON.stringify({ username: 'bob', password: 'bob-password', device }),
    })
    expectAnswer('login/start from localhost', nextOwn, 403)
    return "bob signed in by SMS through the route handler (same origin by Host, no allowed origins); GET answered 405; an Origin of Next's localhost URL answered 403"
  } finally {
    await server.stop()
    await emulator.process.stop()
  }
}
