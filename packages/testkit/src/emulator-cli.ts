/**
 * The emulator's CLI (`centagate-emulator`) as a separate process on a free loopback port, with
 * the real clock: what a developer runs by hand. Stopped (SIGTERM) by `close()`.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { defaultFixtures, parseFixtures } from '@centagate-kit/emulator'

const require = createRequire(import.meta.url)
const bin = join(
  dirname(require.resolve('@centagate-kit/emulator/package.json')),
  'bin/centagate-emulator.mjs',
)

/** The CLI runs the default fixtures: their admin account (no second factor), for enrolment. */
const fixtureAdmin = parseFixtures(defaultFixtures).users.find(
  (user) => user.role === 'admin' && !user.mfa,
)!

/** @param extraArgs more CLI flags, e.g. `['--tenant-orders', 'vendor-samples']` */
export async function startEmulatorCli(
  credentials: { integrationKey: string; secretKey: string },
  extraArgs: readonly string[] = [],
) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      '--port',
      '0',
      '--quiet',
      '--integration-key',
      credentials.integrationKey,
      '--secret-key',
      credentials.secretKey,
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`emulator CLI exited with ${code}`)))
  })
  return {
    url,
    /** For the kit's config: `centagate` over HTTP and the fixtures' `admin`. */
    upstream: {
      centagate: { baseUrl: url, ...credentials },
      admin: { username: fixtureAdmin.username, password: fixtureAdmin.password },
    },
    close: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
