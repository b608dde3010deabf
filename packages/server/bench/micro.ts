/**
 * Micro-benchmarks of the per-request steps the kit server profile points at, one at a time on
 * one core (awaited sequentially, like one request): the flow-cookie sealer and sha256Hex on both
 * `#server-crypto` engines (node:crypto, which Node runs, and Web Crypto, which browsers run),
 * against the sealer they replaced (jose EncryptJWT / jwtDecrypt on Web Crypto) and a bare
 * node:crypto AES-256-GCM decrypt as the floor.
 * Figures: CPU microseconds per operation (process.cpuUsage), median of 5 batches.
 *
 * These measure the package's internals, so they live in the package (`pnpm --filter
 * @centagate-kit/server bench:micro` prints them as JSON); `pnpm bench` runs that script.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { EncryptJWT, jwtDecrypt } from 'jose'
import { serverCrypto as nodeEngine } from '../src/crypto/node-server-crypto'
import { serverCrypto as webEngine } from '../src/crypto/web-server-crypto'
import { deriveKey } from '../src/encoding'
import { createFlowSealer } from '../src/flow/flow-cookie'
import type { FlowState } from '../src/flow/flow-state'

export interface MicroResult {
  name: string
  cpuUsPerOp: number
  wallUsPerOp: number
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

async function runMicro(): Promise<MicroResult[]> {
  const engines = [nodeEngine, webEngine]

  const secret = { id: 'bench', secret: 'bench-cookie-secret-0123456789abcdef0123456789' }
  const now = Date.now()
  const state: FlowState = {
    fid: randomBytes(16).toString('base64url'),
    flow: 'login',
    step: 'factor',
    username: 'bench.user1',
    devAccId: 'a11ce0000000000000000000000000d1',
    expiresAt: now + 6e5,
  }
  const results: MicroResult[] = []

  // Before: the sealer this one replaced (jose JWE on Web Crypto), same key, header and claims.
  const joseKey = await deriveKey(secret.secret, 'flow-cookie')
  const joseSeal = () =>
    new EncryptJWT({ s: state })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: secret.id })
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(state.expiresAt / 1000))
      .encrypt(joseKey)
  const joseToken = await joseSeal()
  const joseOpen = () =>
    jwtDecrypt(joseToken, joseKey, {
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

process.stdout.write(`${JSON.stringify(await runMicro())}\n`)
