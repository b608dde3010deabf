/** Starts an emulator on loopback port 0 with a signing test client; the test closes it. */
import { startEmulatorServer, type EmulatorServerOptions } from '../node'
import { createControl, createTestClient } from './centagate-test-client'

export async function startHarness(options: EmulatorServerOptions = {}) {
  // A fixed base time: the emulator clock only moves when a test advances it (no flaky seconds).
  const server = await startEmulatorServer({
    port: 0,
    host: '127.0.0.1',
    now: () => 1_763_900_000_000,
    ...options,
  })
  const { integrationKey, secretKey } = server.emulator.credentials
  const client = createTestClient({
    baseUrl: server.url,
    integrationKey,
    secretKey,
    now: () => server.emulator.clock.now(),
  })
  const control = createControl(server.url)

  /** authBasic; returns the result object. */
  async function login(username: string, password = `${username}-password`) {
    const result = await client.call('authBasic', { username, password })
    if (result.code !== '0') throw new Error(`login ${username}: ${result.code}`)
    return { authToken: result.text('authToken'), secretCode: result.text('secretCode'), result }
  }

  /** Logs the admin in and returns a cenToken for its complete session. */
  async function adminCenToken(adminUsername = 'admin') {
    const session = await login(adminUsername)
    return client.cenToken({
      secretCode: session.secretCode,
      adminUsername,
      authToken: session.authToken,
    })
  }

  return { server, client, ...control, login, adminCenToken, close: () => server.close() }
}

export type Harness = Awaited<ReturnType<typeof startHarness>>
