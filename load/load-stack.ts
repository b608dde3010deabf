/**
 * The stack under load, on loopback: the CENTAGATE emulator (in this process, or as the
 * `centagate-emulator` CLI in a child process so that memory figures are the kit's alone) and the
 * kit handler behind the Node adapter (`toNodeHandler`) on its own port, with the Node default
 * upstream fetch (keep-alive undici). Canary secrets everywhere; every log line captured.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulatorServer } from '@centagate-kit/emulator/node'
import { createCentagateHandler, toNodeHandler } from '@centagate-kit/server/node'
import type { CanaryHit, Canaries } from '../security/support/canaries'
import { createCanaries, findCanaries } from '../security/support/canaries'
import { safeStringify } from '../security/support/capture'
import { suiteFixtures } from '../security/support/fixtures'
import { kitConfig } from '../security/support/stack'

export interface LoadStackOptions {
  /** Generated SMS users `load-0..n-1` in the emulator. */
  users: number
  /** `process`: the emulator CLI in a child process. Default `in-process`. */
  emulator?: 'in-process' | 'process'
}

export interface LoadStack {
  readonly canaries: Canaries
  readonly kitUrl: string
  readonly emulatorUrl: string
  /** Log lines seen (server at debug level; emulator one per request, banner excluded). */
  readonly logLines: { server: number; emulator: number }
  /** Canary hits in the logs, scanned line by line as they are written (nothing is kept). */
  readonly logLeaks: CanaryHit[]
  close(): Promise<void>
}

const bannerLine = /^\s{2}(v2 base|v1 base|integrationKey|secretKey|mode|users):/

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
// The emulator's CLI, found through its package (not a path into packages/).
const emulatorBin = join(
  dirname(createRequire(import.meta.url).resolve('@centagate-kit/emulator/package.json')),
  'bin/centagate-emulator.mjs',
)

async function startEmulatorProcess(
  fixturesFile: string,
  canaries: Canaries,
  log: (line: string) => void,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [emulatorBin, '--port', '0', '--fixtures', fixturesFile], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CENTAGATE_INTEGRATION_KEY: canaries.integrationKey,
      CENTAGATE_SECRET_KEY: canaries.secretKey,
    },
  })
  let banner = ''
  let url: string | null = null
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`emulator CLI did not start: ${banner}`)),
      20_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      if (url === null) {
        banner += text
        const match = /https?:\/\/127\.0\.0\.1:\d+/.exec(banner)
        if (match) {
          url = match[0]
          clearTimeout(timer)
          resolve(url)
        }
        return
      }
      for (const line of text.split('\n')) {
        // The CLI's start banner prints the app credentials and fixture passwords on purpose
        // (issue 3: "prints its URL and the app credentials"); it may arrive in several chunks.
        if (line === '' || bannerLine.test(line)) continue
        log(line)
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()))
    child.once('exit', (code) => reject(new Error(`emulator CLI exited (${code}): ${banner}`)))
  })
  return { url: await ready, child }
}

export async function startLoadStack(options: LoadStackOptions): Promise<LoadStack> {
  const canaries = createCanaries()
  const fixtures = suiteFixtures(canaries, { loadUsers: options.users })
  const logLines = { server: 0, emulator: 0 }
  const logLeaks: CanaryHit[] = []
  const scan = (source: 'server' | 'emulator', line: string) => {
    logLines[source] += 1
    const hits = findCanaries(canaries, `${source} log`, line)
    if (hits.length > 0 && logLeaks.length < 20) logLeaks.push(...hits)
  }
  const emulatorLog = (line: string) => scan('emulator', line)
  let emulatorUrl: string
  let closeEmulator: () => Promise<void>
  let tempDir: string | null = null
  if (options.emulator === 'process') {
    tempDir = mkdtempSync(join(tmpdir(), 'centagate-load-'))
    const fixturesFile = join(tempDir, 'fixtures.json')
    writeFileSync(fixturesFile, JSON.stringify(fixtures))
    const started = await startEmulatorProcess(fixturesFile, canaries, emulatorLog)
    emulatorUrl = started.url
    closeEmulator = async () => {
      if (started.child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => started.child.once('exit', () => resolve()))
      started.child.kill('SIGTERM')
      await exited
    }
  } else {
    const server = await startEmulatorServer({
      fixtures,
      logger: {
        request: (entry) => emulatorLog(safeStringify(entry)),
        warn: (message) => emulatorLog(message),
      },
    })
    emulatorUrl = server.url
    closeEmulator = () => server.close()
  }

  const write = (level: string) => (message: string, fields?: Readonly<Record<string, unknown>>) =>
    scan('server', safeStringify({ level, message, fields }))
  const logger = {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  }
  const handler = createCentagateHandler({
    ...kitConfig(
      canaries,
      {
        baseUrl: emulatorUrl,
        integrationKey: canaries.integrationKey,
        secretKey: canaries.secretKey,
      },
      logger,
    ),
    // The one loopback address of the load generator stands for thousands of clients: the
    // per-address and deployment-wide send budgets would stop the run, not measure it.
    limits: {
      stepUpStartsPerIpPerHour: 1e9,
      smsPerIpPerHour: 1e9,
      smsGlobalPerHour: 1e9,
    },
  })
  const server: Server = createServer(toNodeHandler(handler))
  // Longer than any run: the server never closes an idle pooled connection under the load
  // generator (the keep-alive race would show up as "socket hang up" on a POST, which is not
  // retried because kit calls are not idempotent).
  server.keepAliveTimeout = 15 * 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0

  return {
    canaries,
    kitUrl: `http://127.0.0.1:${port}`,
    emulatorUrl,
    logLines,
    logLeaks,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await closeEmulator()
      await (handler.client as unknown as { close?: () => Promise<void> }).close?.()
      if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true })
    },
  }
}
