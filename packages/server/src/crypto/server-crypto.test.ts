// Both engines against published vectors (FIPS 180-2, RFC 5869, the GCM specification) and
// against each other, so that a cookie or key made on Node is the same on Web Crypto.
import { serverCrypto } from '#server-crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { serverCrypto as nodeEngine } from './node-server-crypto'
import type { ServerCrypto } from './server-crypto'
import { serverCrypto as webEngine } from './web-server-crypto'

const engines: [string, ServerCrypto][] = [
  ['node-crypto', nodeEngine],
  ['web-crypto', webEngine],
]
const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'))
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

// The GCM specification (McGrew & Viega), test case 16: AES-256, 12-byte IV, with AAD.
const gcm = {
  key: hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308'),
  iv: hex('cafebabefacedbaddecaf888'),
  plaintext: hex(
    'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
  ),
  aad: hex('feedfacedeadbeeffeedfacedeadbeefabaddad2'),
  ciphertext:
    '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
  tag: '76fc6ece0f4e1768cddf8853bb2d551b',
}

describe('#server-crypto in the unit project (node condition)', () => {
  it('resolves to the node:crypto engine', () => {
    expect(serverCrypto.name).toBe('node-crypto')
    expect(serverCrypto).toBe(nodeEngine)
  })
})

describe.each(engines)('%s engine', (_name, engine) => {
  it('sha256Hex matches FIPS 180-2 vectors', async () => {
    expect(await engine.sha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(await engine.sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('hkdfSha256 matches RFC 5869 test case 1 (first 32 bytes of the OKM)', async () => {
    const okm = await engine.hkdfSha256(
      new Uint8Array(22).fill(0x0b),
      hex('000102030405060708090a0b0c'),
      hex('f0f1f2f3f4f5f6f7f8f9'),
    )
    expect(toHex(okm)).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf')
  })

  it('AES-256-GCM matches the GCM specification test case 16 and opens it', async () => {
    const key = engine.createAesGcmKey(gcm.key)
    const sealed = await key.seal(gcm.iv, gcm.plaintext, gcm.aad)
    expect(toHex(sealed.ciphertext)).toBe(gcm.ciphertext)
    expect(toHex(sealed.tag)).toBe(gcm.tag)
    const opened = await key.open(gcm.iv, hex(gcm.ciphertext), hex(gcm.tag), gcm.aad)
    expect(opened && toHex(opened)).toBe(toHex(gcm.plaintext))
  })

  it('AES-256-GCM open answers null for any changed input, never throws', async () => {
    const key = engine.createAesGcmKey(gcm.key)
    const ciphertext = hex(gcm.ciphertext)
    const tag = hex(gcm.tag)
    const flipped = (bytes: Uint8Array, index: number) => {
      const copy = new Uint8Array(bytes)
      copy[index]! ^= 1
      return copy
    }
    expect(await key.open(flipped(gcm.iv, 0), ciphertext, tag, gcm.aad)).toBeNull()
    expect(await key.open(gcm.iv, flipped(ciphertext, 5), tag, gcm.aad)).toBeNull()
    expect(await key.open(gcm.iv, ciphertext, flipped(tag, 15), gcm.aad)).toBeNull()
    expect(await key.open(gcm.iv, ciphertext, tag, flipped(gcm.aad, 3))).toBeNull()
    expect(await key.open(gcm.iv, ciphertext, tag.subarray(0, 12), gcm.aad)).toBeNull()
    expect(await key.open(gcm.iv.subarray(0, 8), ciphertext, tag, gcm.aad)).toBeNull()
    expect(
      await engine.createAesGcmKey(new Uint8Array(32)).open(gcm.iv, ciphertext, tag, gcm.aad),
    ).toBeNull()
  })

  it('refuses keys that are not 32 bytes and IVs that are not 12 bytes', async () => {
    expect(() => engine.createAesGcmKey(new Uint8Array(16))).toThrow(TypeError)
    const key = engine.createAesGcmKey(gcm.key)
    await expect(key.seal(new Uint8Array(16), gcm.plaintext, gcm.aad)).rejects.toThrow(TypeError)
  })

  it('randomBytes: the length asked, fresh values, copies the caller owns', () => {
    const seen = new Set<string>()
    for (let index = 0; index < 2000; index++) {
      const bytes = engine.randomBytes(12)
      expect(bytes.length).toBe(12)
      seen.add(toHex(bytes))
    }
    expect(seen.size).toBe(2000)
    // Its own buffer: nothing else (a pool, the next caller) shares or sees these bytes.
    const own = engine.randomBytes(16)
    expect([own.byteOffset, own.buffer.byteLength]).toEqual([0, 16])
    expect(engine.randomBytes(5000).length).toBe(5000)
    expect(engine.randomBytes(0).length).toBe(0)
  })

  it('base64UrlEncode is RFC 4648 base64url without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(engine.base64UrlEncode(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
      }),
      { numRuns: 500 },
    )
    // A view into a larger buffer encodes only its own bytes.
    const backing = new Uint8Array([1, 2, 3, 4, 5, 6])
    expect(engine.base64UrlEncode(backing.subarray(2, 4))).toBe('AwQ')
  })

  it('base64UrlDecode round-trips and rejects every non-canonical spelling', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const decoded = engine.base64UrlDecode(Buffer.from(bytes).toString('base64url'))
        expect(decoded && toHex(decoded)).toBe(toHex(bytes))
      }),
      { numRuns: 500 },
    )
    expect(toHex(engine.base64UrlDecode('')!)).toBe('')
    for (const text of [
      'AQ==', // padding
      'AQ=',
      'A', // 4n+1 characters
      'AAAAA',
      'AR', // unused bits set (canonical: AQ)
      'AAB', // unused bits set (canonical: AAA)
      'a+b/', // the base64 (not url) alphabet
      'ab c',
      'ab\nc',
      'abc.',
      'abcé',
      'ab\u{1F600}',
    ]) {
      expect(engine.base64UrlDecode(text), JSON.stringify(text)).toBeNull()
    }
  })
})

describe('the two engines agree', () => {
  it('on SHA-256 of any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (text) => {
        expect(await webEngine.sha256Hex(text)).toBe(await nodeEngine.sha256Hex(text))
      }),
      { numRuns: 200 },
    )
  })

  it('on HKDF of any secret, salt and info', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ maxLength: 32 }),
        fc.uint8Array({ maxLength: 32 }),
        async (secret, salt, info) => {
          const fromNode = await nodeEngine.hkdfSha256(secret, salt, info)
          expect(fromNode.length).toBe(32)
          expect(toHex(await webEngine.hkdfSha256(secret, salt, info))).toBe(toHex(fromNode))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('on AES-256-GCM: each opens what the other sealed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 60 }),
        async (raw, plaintext, aad) => {
          const iv = nodeEngine.randomBytes(12)
          const nodeKey = nodeEngine.createAesGcmKey(raw)
          const webKey = webEngine.createAesGcmKey(raw)
          const byNode = await nodeKey.seal(iv, plaintext, aad)
          const byWeb = await webKey.seal(iv, plaintext, aad)
          expect(toHex(byWeb.ciphertext)).toBe(toHex(byNode.ciphertext))
          expect(toHex(byWeb.tag)).toBe(toHex(byNode.tag))
          const opened = await webKey.open(iv, byNode.ciphertext, byNode.tag, aad)
          expect(opened && toHex(opened)).toBe(toHex(plaintext))
          const back = await nodeKey.open(iv, byWeb.ciphertext, byWeb.tag, aad)
          expect(back && toHex(back)).toBe(toHex(plaintext))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('on which base64url texts are valid, and on their bytes', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'ABCDQRSTgwxyz0129-_=+/. é'.split('')),
          maxLength: 12,
        }),
        (text) => {
          const fromNode = nodeEngine.base64UrlDecode(text)
          const fromWeb = webEngine.base64UrlDecode(text)
          expect(fromWeb && toHex(fromWeb)).toBe(fromNode && toHex(fromNode))
        },
      ),
      { numRuns: 2000 },
    )
  })
})
