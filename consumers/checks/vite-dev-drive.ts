// The Vite dev server with the emulator's and the kit's plugins, as installed: bob signs in by SMS
// over HTTP on the dev server's origin, the code read from the emulator's control API that its
// plugin mounts on the same server (/__emulator/outbox). One process, no CENTAGATE_* variables.
import path from 'node:path'
import type { InstalledFixture } from '../support/fixtures'
import { expectAnswer, KitHttp } from '../support/kit-http'
import { freePort, start } from '../support/processes'

export async function viteDevDrive(app: InstalledFixture): Promise<string> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = { CENTAGATE_BASE_URL: '' } // the emulator is the CENTAGATE here
  const server = await start(
    path.join(app.dir, 'node_modules/.bin/vite'),
    ['--port', String(port), '--strictPort'],
    { cwd: app.dir, env, ready: /Local:/ },
  )
  try {
    const http = new KitHttp(origin)
    const login = await http.kit('login/start', { username: 'bob', password: 'bob-password' })
    expectAnswer('login/start', login, 200, { status: 'factor_required', flow: 'login' })
    const sms = await http.kit('sms/send')
    expectAnswer('sms/send', sms, 200, { status: 'sent', method: 'sms' })
    const outbox = await http.request('/__emulator/outbox?username=bob')
    expectAnswer('emulator outbox', outbox, 200)
    const code = (outbox.body.messages as Array<{ code?: string }> | undefined)?.at(-1)?.code
    if (code === undefined) throw new Error(`no SMS for bob: ${JSON.stringify(outbox.body)}`)
    const verified = await http.kit('sms/verify', { code })
    expectAnswer('sms/verify', verified, 200, { status: 'authenticated', method: 'sms' })
    return 'bob signed in by SMS on the dev server; the code came from the emulator plugin on the same origin'
  } finally {
    await server.stop()
  }
}
