import { describe, expect, it } from 'vitest'
import { createDeviceCookies } from './device-cookie'

const secretA = { id: 'a', secret: 'device-cookie-test-secret-a-0123456789abcdef' }
const secretB = { id: 'key.b', secret: 'device-cookie-test-secret-b-0123456789abcdef' }
const deviceId = 'AAAAAAAAAAAAAAAAAAAAAA'
const now = 1_763_900_000_000
const day = 24 * 60 * 60_000

describe('device cookie', () => {
  it('binds a device id to a user (case-insensitive), nobody else', async () => {
    const cookies = createDeviceCookies([secretA])
    const value = await cookies.issue('Bob', deviceId, now)
    expect(value).toMatch(/^a\.A{22}\.1763900000\.[A-Za-z0-9_-]{43}$/)
    expect(value.toLowerCase()).not.toContain('bob')
    expect(await cookies.verify(value, 'bob', now)).toBe(deviceId)
    expect(await cookies.verify(value, 'alice', now)).toBeNull()
  })

  it('a change to any part is refused', async () => {
    const cookies = createDeviceCookies([secretA])
    const value = await cookies.issue('bob', deviceId, now)
    const [kid, id, issuedAt, mac] = value.split('.') as [string, string, string, string]
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1)
    for (const tampered of [
      `${kid}.${flip(id)}.${issuedAt}.${mac}`,
      `${kid}.${id}.${Number(issuedAt) + 1}.${mac}`,
      `${kid}.${id}.${issuedAt}.${flip(mac)}`,
      `${kid}.${id}.${issuedAt}.${mac}A`,
      `${kid}.${id}.${issuedAt}.${mac.slice(0, -1)}`,
      `b.${id}.${issuedAt}.${mac}`,
      `${id}.${issuedAt}.${mac}`,
      '',
      'x'.repeat(300),
    ]) {
      expect(await cookies.verify(tampered, 'bob', now), tampered).toBeNull()
    }
  })

  it('expires after its max age (default 365 days); issue times from the future are refused', async () => {
    const cookies = createDeviceCookies([secretA])
    const value = await cookies.issue('bob', deviceId, now)
    expect(cookies.maxAgeMs).toBe(365 * day)
    expect(await cookies.verify(value, 'bob', now + 364 * day)).toBe(deviceId)
    expect(await cookies.verify(value, 'bob', now + 365 * day)).toBeNull()
    expect(await cookies.verify(value, 'bob', now - 5 * 60_000)).toBeNull()
    const short = createDeviceCookies([secretA], 30)
    expect(await short.verify(await short.issue('bob', deviceId, now), 'bob', now + 31 * day)).toBe(
      null,
    )
  })

  it('rotation: the first secret signs, every configured one verifies; a removed one does not', async () => {
    const old = createDeviceCookies([secretA])
    const rotated = createDeviceCookies([secretB, secretA])
    const oldValue = await old.issue('bob', deviceId, now)
    expect(await rotated.verify(oldValue, 'bob', now)).toBe(deviceId)
    const newValue = await rotated.issue('bob', deviceId, now)
    expect(newValue.startsWith('key.b.')).toBe(true)
    expect(await rotated.verify(newValue, 'bob', now)).toBe(deviceId)
    expect(await createDeviceCookies([secretB]).verify(oldValue, 'bob', now)).toBeNull()
    // Same id, other secret: another key (a cookie of one deployment is nothing to another).
    const stranger = createDeviceCookies([{ id: 'a', secret: secretB.secret }])
    expect(await stranger.verify(oldValue, 'bob', now)).toBeNull()
  })
})
