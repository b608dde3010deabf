// Threat: the cookie that keeps a login's CENTAGATE session for kit.logout is read or forged by the
// browser (or whoever holds the cookie): reading it would leak the authToken; forging one would let
// a visitor end, or act in, another user's CENTAGATE session; a flow cookie replayed in its place
// (same secrets) must not open either. Every single-character change of a sealed value, a value
// sealed under an unknown or removed key, an expired one and a flow cookie all open as "no session".
import { describe, expect, it } from 'vitest'
import { createFlowSealer } from '../flow/flow-cookie'
import { createSessionSealer } from './session-sealer'

const now = 1_763_900_000_000
const current = { id: 'k2', secret: 'current-cookie-secret-0123456789abcdef' }
const previous = { id: 'k1', secret: 'previous-cookie-secret-0123456789abcde' }
const authToken = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk='
const session = { username: 'alice', authToken, expiresAt: now + 60_000 }

describe('session cookie sealing', () => {
  it('hides the authToken and opens only what it sealed, under a key it still has', async () => {
    const sealer = createSessionSealer([current, previous])
    const sealed = await sealer.seal(session)
    expect(sealed).not.toContain(authToken)
    expect(sealed).not.toContain('alice')
    expect(await sealer.open(sealed, now)).toEqual(session)

    // Every one-character change: the key id, IV, ciphertext or tag.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
    let variants = 0
    let opened = 0
    for (let index = 0; index < sealed.length; index += 1) {
      const replacement = alphabet[(alphabet.indexOf(sealed[index]!) + 1) % alphabet.length]!
      const tampered = sealed.slice(0, index) + replacement + sealed.slice(index + 1)
      variants += 1
      if ((await sealer.open(tampered, now)) !== null) opened += 1
    }

    // Rotation: a value sealed under the previous key opens while that key is listed, not after.
    const old = await createSessionSealer([previous]).seal(session)
    const rotated = await sealer.open(old, now)
    const afterRemoval = await createSessionSealer([current]).open(old, now)
    // A stranger's key, an expired value, a flow cookie sealed with the same secrets.
    const stranger = await createSessionSealer([
      { id: 'k2', secret: 'a-different-secret-with-the-same-key-id' },
    ]).seal(session)
    const flowCookie = await createFlowSealer([current]).seal(
      {
        fid: 'f',
        flow: 'login',
        step: 'factor',
        username: 'alice',
        expiresAt: now + 60_000,
      },
      now,
    )
    const refused = {
      stranger: await sealer.open(stranger, now),
      expired: await sealer.open(sealed, session.expiresAt),
      flowCookie: await sealer.open(flowCookie, now),
      flowPartsAsSession: await sealer.open(flowCookie.split('.').slice(1).join('.'), now),
      empty: await sealer.open('', now),
      huge: await sealer.open('k2.'.padEnd(5000, 'A'), now),
    }
    console.table({
      'one-character tampering': { tried: variants, opened },
      'stranger, expired, flow cookie, malformed': {
        tried: Object.keys(refused).length,
        opened: Object.values(refused).filter((value) => value !== null).length,
      },
    })
    expect(opened).toBe(0)
    expect(rotated).toEqual(session)
    expect(afterRemoval).toBeNull()
    expect(Object.values(refused)).toEqual(Object.values(refused).map(() => null))
    // And the reverse: a session value never opens as a flow.
    expect(await createFlowSealer([current]).open(sealed, now)).toBeNull()
  })
})
