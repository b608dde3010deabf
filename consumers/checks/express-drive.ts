// The Express consumer over HTTP, as its page would drive it: alice signs in with her password
// and her hardware token (challenge-response), the guarded transfer answers the RFC 9470 401,
// a step-up by SMS bound to that transaction yields a receipt, the transfer then goes through
// once, and the single-use receipt does not let it go through twice.
import { startInstalledEmulator } from '../support/emulator'
import type { InstalledFixture } from '../support/fixtures'
import { expectAnswer, KitHttp } from '../support/kit-http'
import { freePort, start } from '../support/processes'

export async function expressDrive(server: InstalledFixture): Promise<string> {
  const emulator = await startInstalledEmulator(server.dir)
  const port = await freePort()
  const app = await start('node', ['dist/server.js'], {
    cwd: server.dir,
    env: { ...emulator.env, PORT: String(port) },
    ready: /listening on/,
  }).catch(async (error: unknown) => {
    await emulator.process.stop()
    throw error
  })
  try {
    const http = new KitHttp(`http://127.0.0.1:${port}`)
    const login = await http.kit('login/start', { username: 'alice', password: 'alice-password' })
    expectAnswer('login/start', login, 200, { status: 'factor_required', flow: 'login' })
    const sent = await http.kit('challenge/send')
    expectAnswer('challenge/send', sent, 200, { status: 'sent', method: 'challenge' })
    const response = await emulator.tokenResponse('CR0000001', String(sent.body.challenge))
    const verified = await http.kit('challenge/verify', { response })
    expectAnswer('challenge/verify', verified, 200, {
      status: 'authenticated',
      method: 'challenge',
    })

    const refused = await http.request('/api/transfer/tx-7', { method: 'POST' })
    expectAnswer('transfer without step-up', refused, 401)
    const challengeHeader = refused.headers.get('www-authenticate') ?? ''
    if (!challengeHeader.includes('insufficient_user_authentication')) {
      throw new Error(`401 without the RFC 9470 challenge: ${challengeHeader}`)
    }

    const stepUp = await http.kit('stepup/start', { transactionId: 'tx-7' })
    expectAnswer('stepup/start', stepUp, 200, { status: 'factor_required', flow: 'stepup' })
    const sms = await http.kit('sms/send')
    expectAnswer('sms/send', sms, 200, { status: 'sent', method: 'sms' })
    const code = await emulator.latestSmsCode('alice')
    const approved = await http.kit('sms/verify', { code })
    expectAnswer('sms/verify', approved, 200, { status: 'authenticated', flow: 'stepup' })

    const transfer = await http.request('/api/transfer/tx-7', { method: 'POST' })
    expectAnswer('transfer after step-up', transfer, 200, { transferred: 'tx-7' })
    const replay = await http.request('/api/transfer/tx-7', { method: 'POST' })
    expectAnswer('second transfer on the same receipt', replay, 401)
    return 'alice: token login, 401 insufficient_user_authentication, SMS step-up, transfer once, replay refused'
  } finally {
    await app.stop()
    await emulator.process.stop()
  }
}
