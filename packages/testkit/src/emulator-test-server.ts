/**
 * The emulator alone on loopback port 0, for the emulator's own tests: a signing CENTAGATE client
 * written from API.md (never the kit server: the emulator must stay independent of the code it
 * tests) and the control API. The test closes it.
 */
import { type EmulatorServerOptions, startEmulatorServer } from '@centagate-kit/emulator/node'
import { createTestClient } from './centagate-test-client'
import { createEmulatorControl } from './emulator-control'

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
  const control = createEmulatorControl((request) => fetch(request), server.url)

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
