import { describe, expect, it } from 'vitest'
import { ipLimitKey } from './ip-key'

describe('ipLimitKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['203.000.113.009', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['::FFFF:cb00:7109', '203.0.113.9'],
    ['0:0:0:0:0:ffff:203.0.113.9', '203.0.113.9'],
    ['[::ffff:127.0.0.1]', '127.0.0.1'],
    ['2001:db8:aaaa:bbbb:1:2:3:4', '2001:db8:aaaa:bbbb::/64'],
    ['2001:0DB8:aaaa:00bb::1', '2001:db8:aaaa:bb::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['[2001:db8:1:2::99]', '2001:db8:1:2::/64'],
  ])('%s → %s', (ip, key) => {
    expect(ipLimitKey(ip)).toBe(key)
  })

  it('every address of one /64 shares a key; the next /64 does not', () => {
    const keys = new Set(
      Array.from({ length: 50 }, (_, index) =>
        ipLimitKey(
          `2001:db8:5:6:${index.toString(16)}:${((index * 7919) & 0xffff).toString(16)}::1`,
        ),
      ),
    )
    expect([...keys]).toEqual(['2001:db8:5:6::/64'])
    expect(ipLimitKey('2001:db8:5:7::1')).not.toBe('2001:db8:5:6::/64')
  })

  it.each(['256.1.1.1', '1.2.3', '1::2::3', '12345::', 'not-an-ip', '1:2:3:4:5:6:7:8:9'])(
    '%s is no address: a bucket of its own, never one of a real address',
    (text) => {
      expect(ipLimitKey(text)).toMatch(/^other:/)
    },
  )
})
