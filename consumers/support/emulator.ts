// The emulator as a user runs it: the `centagate-emulator` bin of the installed package, on plain
// node, on a free loopback port; and its control API playing the user's phone and token.
import path from 'node:path'
import { freePort, type Started, start } from './processes'

export const appCredentials = {
  integrationKey: 'c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789',
  secretKey: 'ConsumerSecret1',
}

export interface RunningEmulator {
  url: string
  process: Started
  /** The code of the newest SMS sent to `username` (waits up to 5 s for one to arrive). */
  latestSmsCode: (username: string) => Promise<string>
  /** The hardware token's response to a challenge (the token simulator). */
  tokenResponse: (serial: string, challenge: string) => Promise<string>
  /** CENTAGATE_* variables for a kit server talking to this emulator. */
  env: NodeJS.ProcessEnv
}

/**
 * Starts the installed bin from `installDir/node_modules/.bin` with plain node (no tsx).
 * @param extraArgs further CLI flags (e.g. `--tenant-orders vendor-samples`)
 */
export async function startInstalledEmulator(
  installDir: string,
  extraArgs: string[] = [],
): Promise<RunningEmulator> {
  const port = await freePort()
  const bin = path.join(installDir, 'node_modules', '.bin', 'centagate-emulator')
  const started = await start(
    bin,
    [
      '--port',
      String(port),
      '--integration-key',
      appCredentials.integrationKey,
      '--secret-key',
      appCredentials.secretKey,
      '--quiet',
      ...extraArgs,
    ],
    { cwd: installDir, ready: /CENTAGATE emulator listening on (http:\S+)/ },
  )
  const url = `http://127.0.0.1:${port}`
  const control = async (pathname: string, init?: RequestInit) => {
    const response = await fetch(`${url}/__emulator/${pathname}`, init)
    if (!response.ok) throw new Error(`emulator ${pathname}: ${response.status}`)
    return (await response.json()) as Record<string, unknown>
  }
  return {
    url,
    process: started,
    env: {
      CENTAGATE_BASE_URL: url,
      CENTAGATE_INTEGRATION_KEY: appCredentials.integrationKey,
      CENTAGATE_SECRET_KEY: appCredentials.secretKey,
      CENTAGATE_COOKIE_SECRET: 'consumer-suite-cookie-secret-0123456789abcdef',
    },
    async latestSmsCode(username) {
      for (let tries = 0; tries < 50; tries += 1) {
        const { messages } = (await control(`outbox?username=${encodeURIComponent(username)}`)) as {
          messages: Array<{ code?: string }>
        }
        const code = messages.at(-1)?.code
        if (code) return code
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`no SMS for ${username} in the emulator outbox`)
    },
    async tokenResponse(serial, challenge) {
      const { otp } = await control('token/respond', {
        method: 'POST',
        // What the control API demands of a write (issue 14): JSON and the kit's header.
        headers: { 'content-type': 'application/json', 'x-centagate-kit': '1' },
        body: JSON.stringify({ serial, challenge }),
      })
      return String(otp)
    },
  }
}
