/**
 * Micro-benchmarks of the per-request steps the kit server profile points at, one at a time on
 * one core (awaited sequentially, like one request): the flow-cookie sealer and sha256Hex on both
 * `#server-crypto` engines (node:crypto, which Node runs, and Web Crypto, which browsers run),
 * against the sealer they replaced (jose EncryptJWT / jwtDecrypt on Web Crypto) and a bare
 * node:crypto AES-256-GCM decrypt as the floor.
 * Figures: CPU microseconds per operation (process.cpuUsage), median of 5 batches.
 */
import { execFileSync } from 'node:child_process'
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bundleBenchScript } from './bundle-servers'
import type { InProcessResult } from './kit-in-process'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const serverSource = path.join(repoRoot, 'packages/server/src')

export interface MicroResult {
  name: string
  cpuUsPerOp: number
  wallUsPerOp: number
}

interface FlowSealer {
  seal(state: unknown, now: number): Promise<string>
  open(token: string | undefined, now: number): Promise<unknown>
}

/** The part of a `#server-crypto` engine the bench drives. */
interface Engine {
  name: string
  sha256Hex(text: string): Promise<string>
}

/** The part of jose the "before" rows drive (its builder is chainable). */
interface JoseEncryptJwt {
  setProtectedHeader(header: Record<string, string>): JoseEncryptJwt
  setIssuedAt(seconds: number): JoseEncryptJwt
  setExpirationTime(seconds: number): JoseEncryptJwt
  encrypt(key: Uint8Array): Promise<string>
}
interface Jose {
  EncryptJWT: new (payload: Record<string, unknown>) => JoseEncryptJwt
  jwtDecrypt(token: string, key: Uint8Array, options: Record<string, unknown>): Promise<unknown>
}

const importSource = async <T>(file: string) =>
  (await import(pathToFileURL(path.join(serverSource, file)).href)) as T

async function measure(
  name: string,
  operation: () => unknown,
  iterations: number,
): Promise<MicroResult> {
  for (let index = 0; index < Math.min(2000, iterations); index++) await operation()
  const cpu: number[] = []
  const wall: number[] = []
  for (let batch = 0; batch < 5; batch++) {
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    for (let index = 0; index < iterations; index++) await operation()
    const used = process.cpuUsage(cpuBefore)
    wall.push(((performance.now() - started) * 1000) / iterations)
    cpu.push((used.user + used.system) / iterations)
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[2]!
  return { name, cpuUsPerOp: median(cpu), wallUsPerOp: median(wall) }
}

export async function runMicro(): Promise<MicroResult[]> {
  const { createFlowSealer } = await importSource<{
    createFlowSealer: (secrets: { id: string; secret: string }[], engine?: Engine) => FlowSealer
  }>('flow/flow-cookie.ts')
  const { deriveKey } = await importSource<{
    deriveKey: (secret: string, info: string) => Promise<Uint8Array>
  }>('encoding.ts')
  const engines = [
    (await importSource<{ serverCrypto: Engine }>('crypto/node-server-crypto.ts')).serverCrypto,
    (await importSource<{ serverCrypto: Engine }>('crypto/web-server-crypto.ts')).serverCrypto,
  ]
  // jose is the server's dependency (receipts, and the flow cookie before): resolve it from there.
  const jose = (await import(
    pathToFileURL(createRequire(path.join(serverSource, '..', 'package.json')).resolve('jose')).href
  )) as Jose

  const secret = { id: 'bench', secret: 'bench-cookie-secret-0123456789abcdef0123456789' }
  const now = Date.now()
  const state = {
    fid: randomBytes(16).toString('base64url'),
    flow: 'login',
    step: 'awaiting_code',
    username: 'bench.user1',
    authToken: 'bench-auth-token-0123456789abcdef0123456789abcdef',
    methods: ['sms', 'challenge'],
    challenge: {
      id: randomBytes(16).toString('base64url'),
      method: 'sms',
      expiresAt: now + 3e5,
      issuedAt: now,
    },
    expiresAt: now + 6e5,
  }
  const results: MicroResult[] = []

  // Before: the sealer this one replaced (jose JWE on Web Crypto), same key, header and claims.
  const joseKey = await deriveKey(secret.secret, 'flow-cookie')
  const joseSeal = () =>
    new jose.EncryptJWT({ s: state })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: secret.id })
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(state.expiresAt / 1000))
      .encrypt(joseKey)
  const joseToken = await joseSeal()
  const joseOpen = () =>
    jose.jwtDecrypt(joseToken, joseKey, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      currentDate: new Date(now),
    })
  results.push(
    await measure('flow cookie seal, before: jose EncryptJWT (Web Crypto)', joseSeal, 3000),
  )
  results.push(
    await measure('flow cookie open, before: jose jwtDecrypt (Web Crypto)', joseOpen, 3000),
  )

  for (const engine of engines) {
    const sealer = createFlowSealer([secret], engine)
    const token = await sealer.seal(state, now)
    if ((await sealer.open(token, now)) === null)
      throw new Error(`the ${engine.name} sealer did not open its own cookie`)
    if ((await sealer.open(joseToken, now)) === null)
      throw new Error(`the ${engine.name} sealer did not open jose's cookie`)
    const iterations = engine.name === 'node-crypto' ? 20000 : 3000
    results.push(
      await measure(
        `flow cookie seal, kit sealer on ${engine.name}`,
        () => sealer.seal(state, now),
        iterations,
      ),
    )
    results.push(
      await measure(
        `flow cookie open, kit sealer on ${engine.name}`,
        () => sealer.open(token, now),
        iterations,
      ),
    )
  }

  const text = 'bench.user1'.repeat(4)
  for (const engine of engines) {
    results.push(
      await measure(
        `sha256Hex on ${engine.name}${engine.name === 'web-crypto' ? ' (before)' : ''}`,
        () => engine.sha256Hex(text),
        engine.name === 'node-crypto' ? 20000 : 5000,
      ),
    )
  }

  // The floor: one bare AES-256-GCM decrypt of the same claims plus JSON.parse, no JWE framing.
  const key = randomBytes(32)
  const iv = randomBytes(12)
  const plaintext = Buffer.from(JSON.stringify({ s: state }))
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const tag = cipher.getAuthTag()
  results.push(
    await measure(
      'floor: node:crypto AES-256-GCM decrypt + JSON.parse of the same state',
      () => {
        const decipher = createDecipheriv('aes-256-gcm', key, iv)
        decipher.setAuthTag(tag)
        return JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString())
      },
      20000,
    ),
  )
  return results
}

/** The kit handler's own CPU per wrong-code `sms/verify`, no sockets (kit-in-process.ts). */
export async function runKitInProcess(): Promise<InProcessResult> {
  const script = await bundleBenchScript('kit-in-process')
  const output = execFileSync(process.execPath, [script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    timeout: 120_000,
  })
  return JSON.parse(output.trim().split('\n').pop()!) as InProcessResult
}
