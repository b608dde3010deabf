/**
 * Micro-benchmarks of the per-request steps the kit server profile points at, one at a time on
 * one core (awaited sequentially, like one request): the kit's own flow-cookie sealer (jose JWE on
 * Web Crypto) against node:crypto AES-256-GCM, and Web Crypto SHA-256 against node:crypto.
 * Figures: CPU microseconds per operation (process.cpuUsage), median of 5 batches.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface MicroResult {
  name: string
  cpuUsPerOp: number
  wallUsPerOp: number
}

interface FlowSealer {
  seal(state: unknown, now: number): Promise<string>
  open(token: string | undefined, now: number): Promise<unknown>
}

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
  const flowCookie = (await import(
    pathToFileURL(path.join(repoRoot, 'packages/server/src/flow/flow-cookie.ts')).href
  )) as { createFlowSealer: (secrets: { id: string; secret: string }[]) => FlowSealer }
  const sealer = flowCookie.createFlowSealer([
    { id: 'bench', secret: 'bench-cookie-secret-0123456789abcdef0123456789' },
  ])
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
  const token = await sealer.seal(state, now)
  if ((await sealer.open(token, now)) === null)
    throw new Error('sealer did not open its own cookie')

  const key = randomBytes(32)
  const iv = randomBytes(12)
  const plaintext = Buffer.from(JSON.stringify({ s: state }))
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const tag = cipher.getAuthTag()
  const text = 'bench.user1'.repeat(4)
  const bytes = new TextEncoder().encode(text)

  const results: MicroResult[] = []
  results.push(
    await measure(
      'kit flow cookie open (jose jwtDecrypt, Web Crypto AES-GCM)',
      () => sealer.open(token, now),
      3000,
    ),
  )
  results.push(
    await measure(
      'kit flow cookie seal (jose EncryptJWT, Web Crypto AES-GCM)',
      () => sealer.seal(state, now),
      3000,
    ),
  )
  results.push(
    await measure(
      'node:crypto AES-256-GCM decrypt + JSON.parse of the same state',
      () => {
        const decipher = createDecipheriv('aes-256-gcm', key, iv)
        decipher.setAuthTag(tag)
        return JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString())
      },
      20000,
    ),
  )
  results.push(
    await measure(
      'Web Crypto SHA-256 (crypto.subtle.digest, awaited)',
      () => crypto.subtle.digest('SHA-256', bytes),
      5000,
    ),
  )
  results.push(
    await measure(
      'node:crypto createHash SHA-256',
      () => createHash('sha256').update(text).digest('hex'),
      20000,
    ),
  )
  return results
}
