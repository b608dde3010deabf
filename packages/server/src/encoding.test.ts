import { describe, expect, it } from 'vitest'
import { serverCrypto as webEngine } from './crypto/web-server-crypto'
import { base64Url, base64Utf8, deriveKey, randomId, sha256Hex, userHash } from './encoding'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

describe('encoding helpers', () => {
  it('sha256Hex hashes the UTF-8 bytes', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(await sha256Hex('é')).toBe(
      Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('é'))).toString(
        'hex',
      ),
    )
  })

  it('deriveKey: 32 bytes, one key per purpose, the same on both engines', async () => {
    const secret = 'a'.repeat(40)
    const flow = await deriveKey(secret, 'flow-cookie')
    const receipt = await deriveKey(secret, 'step-up-receipt')
    expect(flow.length).toBe(32)
    expect(hex(flow)).not.toBe(hex(receipt))
    expect(hex(await deriveKey(secret, 'flow-cookie', webEngine))).toBe(hex(flow))
    expect(hex(await deriveKey('b'.repeat(40), 'flow-cookie'))).not.toBe(hex(flow))
  })

  it('deriveKey is HKDF-SHA256 with the salt "centagate-kit" (the keys existing cookies use)', async () => {
    const base = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode('s3cret'),
      'HKDF',
      false,
      ['deriveBits'],
    )
    const expected = await crypto.subtle.deriveBits(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new TextEncoder().encode('centagate-kit'),
        info: new TextEncoder().encode('flow-cookie'),
      },
      base,
      256,
    )
    expect(hex(await deriveKey('s3cret', 'flow-cookie'))).toBe(hex(new Uint8Array(expected)))
  })

  it('userHash is a stable 16-hex pseudonym, case-insensitive in the username', async () => {
    const hash = await userHash('Alice')
    expect(hash).toMatch(/^[0-9a-f]{16}$/)
    expect(await userHash('alice')).toBe(hash)
    expect(hash).toBe((await sha256Hex('centagate-kit user:alice')).slice(0, 16))
    expect(await userHash('bob')).not.toBe(hash)
  })

  it('randomId: 128 random bits as 22 base64url characters by default', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(randomId(32)).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('base64Url and base64Utf8', () => {
    const bytes = new Uint8Array([251, 255, 191, 0, 1])
    expect(base64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
    expect(base64Utf8('é?')).toBe(Buffer.from('é?').toString('base64'))
  })
})
