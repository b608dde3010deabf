// In Chromium (Vite, browser conditions) `#server-crypto` must be the Web Crypto engine, and the
// flow cookie it seals must be the same JWE jose reads and writes.
import { serverCrypto } from '#server-crypto'
import { EncryptJWT, jwtDecrypt } from 'jose'
import { describe, expect, it } from 'vitest'
import { deriveKey, sha256Hex } from '../encoding'
import { createFlowSealer } from '../flow/flow-cookie'
import { choosingFlow, fixedNow } from '@centagate-kit/testkit/flow-fixtures'

const now = fixedNow
const state = choosingFlow(now)
const secret = { id: 'k1', secret: 'a'.repeat(40) }

describe('#server-crypto in a browser', () => {
  it('resolves to the Web Crypto engine', async () => {
    expect(serverCrypto.name).toBe('web-crypto')
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('seals flow cookies jose opens and opens the ones jose seals', async () => {
    const sealer = createFlowSealer([secret])
    const key = await deriveKey(secret.secret, 'flow-cookie')
    const sealed = await sealer.seal(state, now)
    const { payload } = await jwtDecrypt(sealed, key, { currentDate: new Date(now) })
    expect(payload.s).toEqual(state)
    const fromJose = await new EncryptJWT({ s: state })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k1' })
      .setIssuedAt(now / 1000)
      .setExpirationTime(state.expiresAt / 1000)
      .encrypt(key)
    expect(await sealer.open(fromJose, now)).toEqual(state)
    const parts = sealed.split('.')
    const tag = parts[4]!
    parts[4] = (tag.startsWith('A') ? 'B' : 'A') + tag.slice(1)
    expect(await sealer.open(parts.join('.'), now)).toBeNull()
  })
})
