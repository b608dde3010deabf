// The CLI as users run it: bin/centagate-emulator.mjs on Node (tsx, no build), with app
// credentials from flags and from environment variables, a signed call answered with those
// credentials, SIGTERM closing cleanly and --data saving/restoring state.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestClient } from '@centagate-kit/testkit/centagate-test-client'

const bin = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../bin/centagate-emulator.mjs',
)
const children: ChildProcess[] = []
const dir = mkdtempSync(path.join(tmpdir(), 'centagate-emulator-cli-'))

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const ready = new Promise<{ url: string; output: () => string }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/[^\s]+)/.exec(output)
      if (match?.[1] && output.includes('mode:')) resolve({ url: match[1], output: () => output })
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { child, ready, exited }
}

describe('centagate-emulator CLI', () => {
  it('serves CENTAGATE with the given credentials, logs requests without secrets, closes on SIGTERM', async () => {
    const run = start([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--integration-key',
      'k'.repeat(64),
      '--secret-key',
      'CliSecret123',
    ])
    const { url, output } = await run.ready
    expect(output()).toContain(`integrationKey:  ${'k'.repeat(64)}`)
    expect(output()).toContain('secretKey:       CliSecret123')
    const client = createTestClient({
      baseUrl: url,
      integrationKey: 'k'.repeat(64),
      secretKey: 'CliSecret123',
      now: () => Date.now(),
    })
    const login = await client.call('authBasic', { username: 'alice', password: 'alice-password' })
    expect(login.code).toBe('0')
    const wrongKey = createTestClient({
      baseUrl: url,
      integrationKey: 'k'.repeat(64),
      secretKey: 'other',
      now: () => Date.now(),
    })
    expect(
      (await wrongKey.call('authBasic', { username: 'alice', password: 'alice-password' })).code,
    ).toBe('23022')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(output()).toMatch(
      /POST \/v2\/CentagateWS\/webresources\/auth\/authBasic 200 code=0 \d+ms/,
    )
    // The request log lines carry no values: no password, token or hmac.
    const requestLines = output()
      .split('\n')
      .filter((line) => /^(POST|PUT|GET) /.test(line))
    expect(requestLines.length).toBeGreaterThanOrEqual(2)
    expect(requestLines.join('\n')).not.toMatch(/alice-password|[0-9a-f]{64}/)
    expect(output()).not.toContain(login.text('authToken'))
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })

  it('reads settings from environment variables and saves/restores --data', async () => {
    const data = path.join(dir, 'state.json')
    const env = {
      CENTAGATE_EMULATOR_PORT: '0',
      CENTAGATE_EMULATOR_HOST: '127.0.0.1',
      CENTAGATE_INTEGRATION_KEY: 'e'.repeat(64),
      CENTAGATE_SECRET_KEY: 'EnvSecret123',
      CENTAGATE_EMULATOR_LENIENT: '1',
      CENTAGATE_EMULATOR_DATA: data,
    }
    const first = start(['--quiet'], env)
    const { url, output } = await first.ready
    expect(output()).toContain('mode:            lenient')
    const client = createTestClient({
      baseUrl: url,
      integrationKey: 'e'.repeat(64),
      secretKey: 'EnvSecret123',
      now: () => Date.now(),
    })
    expect(
      (
        await client.call('requestSmsTransOtp', {
          username: 'bob',
          details: 'Pay 1',
          transactionId: 'T1',
        })
      ).code,
    ).toBe('0')
    first.child.kill('SIGINT')
    expect(await first.exited).toBe(0)
    const saved = JSON.parse(readFileSync(data, 'utf8')) as { outbox: unknown[] }
    expect(saved.outbox).toHaveLength(1)
    const second = start(['--quiet'], env)
    const restarted = await second.ready
    const outbox = (await (
      await fetch(`${restarted.url}/__emulator/outbox?username=bob`)
    ).json()) as { messages: unknown[] }
    expect(outbox.messages).toHaveLength(1)
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
  })

  it('rejects bad flags with a usage message', async () => {
    const run = start(['--port', 'abc'])
    await expect(run.ready).rejects.toThrow(/invalid port/)
    const orders = start(['--port', '0', '--tenant-orders', 'java-samples'])
    await expect(orders.ready).rejects.toThrow(/invalid --tenant-orders: java-samples/)
    expect(await orders.exited).toBe(2)
  })

  it('--tenant-orders vendor-samples: the vendor Node sample order only', async () => {
    const run = start(['--port', '0', '--quiet', '--tenant-orders', 'vendor-samples'])
    const { url, output } = await run.ready
    expect(output()).toContain('mode:            strict (vendor-samples orders)')
    const client = createTestClient({
      baseUrl: url,
      integrationKey: /integrationKey:\s+(\S+)/.exec(output())![1]!,
      secretKey: /secretKey:\s+(\S+)/.exec(output())![1]!,
      now: () => Date.now(),
    })
    const login = await client.call('authBasic', { username: 'bob', password: 'bob-password' })
    const fields = { username: 'bob', authToken: login.text('authToken'), ipAddress: '192.0.2.1' }
    expect((await client.call('requestSmsOtp', fields)).code).toBe('23022')
    const sample = await client.call('requestSmsOtp', fields, {
      order: [
        'username',
        'authToken',
        'integrationKey',
        'unixTimestamp',
        'supportFido',
        'ipAddress',
        'userAgent',
        'browserFp',
      ],
    })
    expect(sample.code).toBe('0')
    expect(sample.headers.get('x-centagate-emulator-signed-order')).toBe('vendor sample: GH Node')
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })
})
