import { describe, expect, it } from 'vitest'
import { requestUrl } from './request-url'

describe('requestUrl', () => {
  it('builds the URL of well-formed parts', () => {
    expect(requestUrl('http', '127.0.0.1:5173', '/api/x?y=1')?.href).toBe(
      'http://127.0.0.1:5173/api/x?y=1',
    )
    expect(requestUrl('https', 'bank.example', '/')?.origin).toBe('https://bank.example')
    expect(requestUrl('http', '[::1]:8080', '/a')?.host).toBe('[::1]:8080')
    expect(requestUrl('http', undefined, undefined)?.href).toBe('http://localhost/')
  })

  it.each([
    'localhost:abc',
    '127.0.0.1:99999',
    'x@y',
    'a b',
    'a/b',
    'a?b',
    'a#b',
    '',
    'localhost:',
    '[::1',
    '[fe80::1%eth0]',
    'host\r\nx: y',
  ])('refuses the Host %j', (host) => {
    expect(requestUrl('http', host, '/api')).toBeNull()
  })

  it('refuses targets that are not a path, and keeps //x a path', () => {
    expect(requestUrl('http', 'localhost', '*')).toBeNull()
    expect(requestUrl('http', 'localhost', 'http://evil.example/x')).toBeNull()
    const url = requestUrl('http', 'localhost', '//evil.example/x')
    expect(url?.host).toBe('localhost')
    expect(url?.pathname).toBe('//evil.example/x')
  })
})
