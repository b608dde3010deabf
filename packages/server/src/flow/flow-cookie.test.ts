// The flow cookie is a real JWE (RFC 7516, `dir` + `A256GCM`): jose, the previous sealer, opens
// ours and ours opens jose's (cookies survive the upgrade), on both crypto engines; anything that
// is not exactly what the kit writes is "no flow".
import fc from 'fast-check'
import { EncryptJWT, jwtDecrypt } from 'jose'
import { describe, expect, it } from 'vitest'
import { serverCrypto as nodeEngine } from '../crypto/node-server-crypto'
import type { ServerCrypto } from '../crypto/server-crypto'
import { serverCrypto as webEngine } from '../crypto/web-server-crypto'
import { deriveKey } from '../encoding'
import { createFlowSealer } from './flow-cookie'
import type { FlowState } from './flow-state'

const now = 1_700_000_000_000
const state: FlowState = {
  fid: 'f1',
  flow: 'login',
  step: 'factor',
  username: 'alice',
  devAccId: 'a11ce0000000000000000000000000d1',
  expiresAt: now + 600_000,
}
const k1 = { id: 'k1', secret: 'a'.repeat(40) }
const engines: [string, ServerCrypto][] = [
  ['node-crypto', nodeEngine],
  ['web-crypto', webEngine],
]
const flowKey = (secret: string) => deriveKey(secret, 'flow-cookie')
const b64 = (value: string | Uint8Array) => Buffer.from(value).toString('base64url')

/** A cookie as the previous sealer (jose `EncryptJWT`) wrote it, with claims to choose. */
async function joseSeal(
  claims: { iat?: number; exp?: number; nbf?: number } = {},
  payload: Record<string, unknown> = { s: state },
): Promise<string> {
  const jwt = new EncryptJWT(payload).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k1' })
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat)
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf)
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp)
  return jwt.encrypt(await flowKey(k1.secret))
}

/** What jose's `jwtDecrypt` (the previous `open`) makes of a cookie at `at`: state or null. */
async function joseOpen(token: string, at: number): Promise<unknown> {
  try {
    const { payload } = await jwtDecrypt(token, await flowKey(k1.secret), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      currentDate: new Date(at),
    })
    return payload.s
  } catch {
    return null
  }
}

/**
 * A cookie encrypted and authenticated under k1's real key with any header and plaintext, so
 * that the header or payload checks are the only reason it can be refused.
 */
async function forge(header: string, plaintext: string, engine = nodeEngine): Promise<string> {
  const key = engine.createAesGcmKey(await deriveKey(k1.secret, 'flow-cookie', engine))
  const protectedHeader = b64(header)
  const iv = engine.randomBytes(12)
  const { ciphertext, tag } = await key.seal(
    iv,
    new TextEncoder().encode(plaintext),
    new TextEncoder().encode(protectedHeader),
  )
  return [protectedHeader, '', b64(iv), b64(ciphertext), b64(tag)].join('.')
}
const ourHeader = '{"alg":"dir","enc":"A256GCM","kid":"k1"}'
const claimsText = (claims: Record<string, unknown>) => JSON.stringify(claims)
const validClaims = { s: state, iat: now / 1000, exp: state.expiresAt / 1000 }

describe.each(engines)('flow cookie on the %s engine', (_name, engine) => {
  const sealer = createFlowSealer([k1], engine)

  it('writes a compact JWE jose opens, with exactly the header and claims jose wrote', async () => {
    const sealed = await sealer.seal(state, now)
    const [header, encryptedKey, iv, ciphertext, tag, ...rest] = sealed.split('.')
    expect(rest).toEqual([])
    expect(Buffer.from(header!, 'base64url').toString()).toBe(ourHeader)
    expect([encryptedKey, iv!.length, tag!.length]).toEqual(['', 16, 22])
    expect(ciphertext!.length).toBeGreaterThan(0)
    const { payload, protectedHeader } = await jwtDecrypt(sealed, await flowKey(k1.secret), {
      currentDate: new Date(now),
    })
    expect(protectedHeader).toEqual({ alg: 'dir', enc: 'A256GCM', kid: 'k1' })
    expect(payload).toEqual(validClaims)
    expect(Object.keys(payload)).toEqual(['s', 'iat', 'exp'])
  })

  it('opens a cookie written by jose EncryptJWT (the sealer before this one)', async () => {
    const fromJose = await joseSeal({ iat: now / 1000, exp: state.expiresAt / 1000 })
    expect(fromJose.split('.')[0]).toBe(b64(ourHeader))
    expect(await sealer.open(fromJose, now)).toEqual(state)
  })

  it('opens what the other engine sealed', async () => {
    const other = engine === nodeEngine ? webEngine : nodeEngine
    const otherSealer = createFlowSealer([k1], other)
    expect(await sealer.open(await otherSealer.seal(state, now), now)).toEqual(state)
    expect(await otherSealer.open(await sealer.seal(state, now), now)).toEqual(state)
  })

  it('expires exactly when jose did: exp <= now in whole seconds', async () => {
    const exp = Math.floor(now / 1000) + 60
    const cookie = await joseSeal({ iat: now / 1000, exp })
    const results: [number, boolean, boolean][] = []
    for (const at of [exp * 1000 - 1001, exp * 1000 - 1, exp * 1000, exp * 1000 + 1]) {
      results.push([
        at - exp * 1000,
        (await sealer.open(cookie, at)) !== null,
        (await joseOpen(cookie, at)) !== null,
      ])
    }
    expect(results).toEqual([
      [-1001, true, true],
      [-1, true, true],
      [0, false, false],
      [1, false, false],
    ])
    // The state's own expiresAt (ms) still applies inside the last second of exp.
    const short = { ...state, expiresAt: now + 1500 }
    const sealed = await sealer.seal(short, now)
    expect(await sealer.open(sealed, now + 999)).toEqual(short)
    expect(await sealer.open(sealed, now + 1000)).toBeNull()
  })

  it('honours nbf like jose and requires the numeric iat and exp the kit always writes', async () => {
    const iat = now / 1000
    const exp = state.expiresAt / 1000
    const early = await joseSeal({ iat, exp, nbf: iat + 10 })
    expect([await sealer.open(early, now), await joseOpen(early, now)]).toEqual([null, null])
    expect(await sealer.open(early, now + 10_000)).toEqual(state)
    expect(await sealer.open(await joseSeal({ exp }), now)).toBeNull()
    expect(await sealer.open(await joseSeal({ iat }), now)).toBeNull()
    for (const claims of [
      { ...validClaims, iat: String(iat) },
      { ...validClaims, exp: String(exp) },
      { ...validClaims, nbf: 'soon' },
    ]) {
      expect(await sealer.open(await forge(ourHeader, claimsText(claims), engine), now)).toBeNull()
    }
    // Control: the forge helper itself makes cookies that open.
    expect(await sealer.open(await forge(ourHeader, claimsText(validClaims), engine), now)).toEqual(
      state,
    )
  })

  it('refuses any header other than exactly the one it writes, even when it authenticates', async () => {
    for (const header of [
      '{"alg":"dir","enc":"A256GCM","kid":"k1","zip":"DEF"}',
      '{"alg":"dir","enc":"A256GCM","kid":"k1","crit":["exp"],"exp":1}',
      '{"alg":"dir","enc":"A256GCM","kid":"k1","typ":"JWT"}',
      '{"enc":"A256GCM","alg":"dir","kid":"k1"}',
      '{"alg":"dir","enc":"A128GCM","kid":"k1"}',
      '{"alg":"none","enc":"A256GCM","kid":"k1"}',
      '{"alg":"dir","enc":"A256GCM"}',
      '{"alg":"dir","enc":"A256GCM","kid":"k2"}',
      '{"alg":"dir","enc":"A256GCM","kid":"__proto__"}',
      '{"alg":"dir", "enc":"A256GCM","kid":"k1"}',
    ]) {
      const cookie = await forge(header, claimsText(validClaims), engine)
      expect(await sealer.open(cookie, now), header).toBeNull()
    }
  })

  it('refuses a wrong JWE shape: part count, encrypted key, IV and tag lengths, base64url', async () => {
    const sealed = await sealer.seal(state, now)
    const [header, , iv, ciphertext, tag] = sealed.split('.') as [
      string,
      string,
      string,
      string,
      string,
    ]
    const variants = [
      [header, iv, ciphertext, tag].join('.'),
      [header, '', iv, ciphertext, tag, ''].join('.'),
      [header, 'AAAA', iv, ciphertext, tag].join('.'),
      [header, '', iv.slice(1), ciphertext, tag].join('.'),
      [header, '', `${iv}AAAA`, ciphertext, tag].join('.'),
      [header, '', iv, ciphertext, tag.slice(1)].join('.'),
      [header, '', iv, ciphertext, `${tag}=`].join('.'),
      [header, '', iv, `${ciphertext}=`, tag].join('.'),
      [header, '', iv, '', tag].join('.'),
      [header, '', iv.replace(/.$/, '+'), ciphertext, tag].join('.'),
      `${header}=..${iv}.${ciphertext}.${tag}`,
      `${sealed} `,
      '',
      '.'.repeat(4),
      'x'.repeat(4097),
    ]
    for (const variant of variants) expect(await sealer.open(variant, now), variant).toBeNull()
    expect(await sealer.open(undefined, now)).toBeNull()
  })

  it('refuses authenticated plaintexts that are not a claims set with a flow state', async () => {
    for (const plaintext of [
      'not json',
      '[1,2]',
      'null',
      '"text"',
      claimsText({ iat: now / 1000, exp: state.expiresAt / 1000 }),
      claimsText({ ...validClaims, s: { ...state, username: 7 } }),
      claimsText({ ...validClaims, s: { ...state, fid: undefined } }),
      // A factor flow of the earlier shape (its state in the cookie, no record in the store).
      claimsText({ ...validClaims, s: { ...state, step: 'awaiting_code', authToken: 'AT' } }),
      claimsText({ ...validClaims, s: { ...state, expiresAt: now } }),
      claimsText({ ...validClaims, s: null }),
    ]) {
      const cookie = await forge(ourHeader, plaintext, engine)
      expect(await sealer.open(cookie, now), plaintext).toBeNull()
    }
    const notUtf8 = await (async () => {
      const key = engine.createAesGcmKey(await deriveKey(k1.secret, 'flow-cookie', engine))
      const iv = engine.randomBytes(12)
      const protectedHeader = b64(ourHeader)
      const { ciphertext, tag } = await key.seal(
        iv,
        new Uint8Array([0x7b, 0xff, 0x7d]),
        new TextEncoder().encode(protectedHeader),
      )
      return [protectedHeader, '', b64(iv), b64(ciphertext), b64(tag)].join('.')
    })()
    expect(await sealer.open(notUtf8, now)).toBeNull()
  })

  it('never throws on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc
            .array(fc.string({ unit: fc.constantFrom(...'Aa0-_=.+/'.split('')) }), {
              minLength: 4,
              maxLength: 6,
            })
            .map((parts) => parts.join('.')),
        ),
        async (text) => {
          expect(await sealer.open(text, now)).toBeNull()
        },
      ),
      { numRuns: 300 },
    )
  })

  it('rotates: the first secret seals, every listed secret opens, duplicates keep the first', async () => {
    const k2 = { id: 'k2', secret: 'b'.repeat(40) }
    const oldCookie = await sealer.seal(state, now)
    const rotated = createFlowSealer([k2, k1], engine)
    expect(await rotated.open(oldCookie, now)).toEqual(state)
    const fresh = await rotated.seal(state, now)
    expect(JSON.parse(Buffer.from(fresh.split('.')[0]!, 'base64url').toString())).toEqual({
      alg: 'dir',
      enc: 'A256GCM',
      kid: 'k2',
    })
    expect(await sealer.open(fresh, now)).toBeNull()
    const duplicate = createFlowSealer([k1, { id: 'k1', secret: 'c'.repeat(40) }], engine)
    expect(await duplicate.open(oldCookie, now)).toEqual(state)
  })

  it('keeps key ids that need JSON escaping interoperable with jose', async () => {
    const odd = { id: 'k"\\ü\u2028<', secret: 'd'.repeat(40) }
    const sealed = await createFlowSealer([odd], engine).seal(state, now)
    const { protectedHeader } = await jwtDecrypt(sealed, await flowKey(odd.secret), {
      currentDate: new Date(now),
    })
    expect(protectedHeader.kid).toBe(odd.id)
  })

  it('refuses to seal a non-finite expiry, as jose did', async () => {
    await expect(sealer.seal({ ...state, expiresAt: Number.NaN }, now)).rejects.toThrow(TypeError)
  })
})
