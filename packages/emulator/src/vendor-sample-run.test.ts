// The vendor's own Node.js sample for requestOtpChallenge (seed 001, page 1361), kept verbatim in
// test/vendor-samples/ and run with plain node against the emulator on loopback, its `<...>`
// placeholders filled in a temporary copy (node-sample-environment.mjs, preloaded, supplies the
// sample's undefined `sha256` and points its HTTPS call at the loopback port). It signs
// authToken before integrationKey and drops otpType (API.md 5.21): with --tenant-orders
// vendor-samples the emulator accepts it (as a tenant configured the vendor's way would) and the
// kit's default order gets 23022; with the default catalogue orders it is the sample that gets
// 23022 (issue 15, "Why").
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestClient } from '@centagate-kit/testkit/centagate-test-client'
import type { TenantOrders } from '@centagate-kit/protocol'
import { startEmulatorServer } from './node'

const run = promisify(execFile)
const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/vendor-samples')
const sample = readFileSync(path.join(samples, 'seed-001-request-otp-challenge.node.cjs'), 'utf8')
const dir = mkdtempSync(path.join(tmpdir(), 'centagate-vendor-sample-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** alice's hardware token's device account (default fixtures): the token answers the challenge. */
const devAccId = 'c0000000000000000000000000000001'
const context = {
  supportFido: 'false',
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  browserFp: 'fp-1361',
}

async function runSample(tenantOrders: TenantOrders) {
  // The real clock: the sample takes its timestamp from Date.now().
  const server = await startEmulatorServer({ port: 0, tenantOrders })
  try {
    const { integrationKey, secretKey } = server.emulator.credentials
    const client = createTestClient({
      baseUrl: server.url,
      integrationKey,
      secretKey,
      now: () => Date.now(),
    })
    const login = await client.call('authBasic', { username: 'alice', password: 'alice-password' })
    expect(login.code).toBe('0')
    const authToken = login.text('authToken')
    const placeholders: Record<string, string> = {
      '<username>': 'alice',
      '<integration key>': integrationKey,
      '<devAccId>': devAccId,
      '<authToken>': authToken,
      '<supportFido>': context.supportFido,
      '<ipAddress>': context.ipAddress,
      '<userAgent>': context.userAgent,
      '<browserFp>': context.browserFp,
      '<secretKey>': secretKey,
      '<domain_name>': '127.0.0.1',
    }
    let filled = sample
    for (const [placeholder, value] of Object.entries(placeholders)) {
      filled = filled.replaceAll(placeholder, value)
    }
    expect(filled).not.toMatch(/<[a-zA-Z_ ]+>/)
    const file = path.join(dir, `sample-${tenantOrders}.cjs`)
    writeFileSync(file, filled)
    const { stdout } = await run(
      process.execPath,
      ['--import', pathToFileURL(path.join(samples, 'node-sample-environment.mjs')).href, file],
      { env: { PATH: process.env.PATH ?? '', CENTAGATE_SAMPLE_PORT: String(server.port) } },
    )
    // The kit's default (catalogue) order with the same values.
    const kitDefault = await client.call('requestOtpChallenge', {
      username: 'alice',
      devAccId,
      authToken,
      ...context,
    })
    return { stdout, kitDefault }
  } finally {
    await server.close()
  }
}

describe("the vendor's Node sample for requestOtpChallenge (seed 001)", () => {
  it('succeeds against --tenant-orders vendor-samples, where the kit default gets 23022', async () => {
    const { stdout, kitDefault } = await runSample('vendor-samples')
    expect(stdout).toContain('HTTP Status Code: 200')
    expect(stdout).toContain('Authentication Succeed')
    const body = JSON.parse(stdout.split('\n').find((line) => line.startsWith('{'))!) as {
      code: string
      object: string
    }
    expect(body.code).toBe('0')
    expect(JSON.parse(body.object)).toEqual({ otpChallenge: expect.stringMatching(/^\d{8}$/) })
    expect(kitDefault.code).toBe('23022')
  })

  it('is refused with 23022 by the default catalogue orders, which the kit default passes', async () => {
    const { stdout, kitDefault } = await runSample('catalogue')
    expect(stdout).toContain('Authentication Fail')
    expect(stdout).toContain('Code:23022')
    expect(kitDefault.code).toBe('0')
  })
})
