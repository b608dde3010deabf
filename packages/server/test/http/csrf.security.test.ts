// Threat: cross-site request forgery and cross-origin use of the kit routes (anchors-security F).
// A page on another origin must not be able to start, advance or complete a flow, and a rejected
// request must cost CENTAGATE nothing (0 upstream calls).
import { kitHeaderName, kitRouteList } from '@centagate-kit/protocol'
import { device } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

const own = 'http://localhost:3000'
const origins = { same: own, cross: 'https://evil.example', null: 'null', absent: undefined }
const sites = {
  'same-origin': 'same-origin',
  'same-site': 'same-site',
  'cross-site': 'cross-site',
  absent: undefined,
}
const types = {
  json: 'application/json',
  'json+charset': 'application/json; charset=utf-8',
  text: 'text/plain',
  urlencoded: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data; boundary=x',
  absent: undefined,
}
const methods = ['GET', 'POST', 'PUT', 'OPTIONS'] as const

describe('CSRF matrix: Origin × Sec-Fetch-Site × Content-Type × custom header × method', () => {
  it('only same-origin JSON POST with the header is processed; everything else 403/405/415 with 0 upstream calls', async () => {
    const { handler, upstream } = createTestApp()
    let processed = 0
    let cells = 0
    for (const [originName, origin] of Object.entries(origins)) {
      for (const [siteName, site] of Object.entries(sites)) {
        for (const [typeName, type] of Object.entries(types)) {
          for (const header of [true, false]) {
            for (const method of methods) {
              cells += 1
              const headers = new Headers()
              if (origin !== undefined) headers.set('origin', origin)
              if (site !== undefined) headers.set('sec-fetch-site', site)
              if (type !== undefined) headers.set('content-type', type)
              if (header) headers.set(kitHeaderName, '1')
              const init: RequestInit = { method, headers }
              if (method === 'POST' || method === 'PUT') {
                init.body = JSON.stringify({
                  username: 'alice',
                  password: 'alice-password',
                  device,
                })
              }
              const before = upstream.count()
              const response = await handler(new Request(`${own}/api/centagate/login/start`, init))
              const allowed =
                originName === 'same' &&
                (siteName === 'same-origin' || siteName === 'absent') &&
                typeName.startsWith('json') &&
                header &&
                method === 'POST'
              if (allowed) {
                processed += 1
                expect(response.status).toBe(200)
              } else {
                expect([403, 405, 415]).toContain(response.status)
                expect(upstream.count()).toBe(before)
                const body = (await response.json()) as { error: { code: string } }
                expect(['csrf_rejected', 'method_not_allowed', 'unsupported_media_type']).toContain(
                  body.error.code,
                )
              }
              expect(response.headers.get('access-control-allow-origin')).toBeNull()
            }
          }
        }
      }
    }
    expect(cells).toBe(4 * 4 * 6 * 2 * 4)
    expect(processed).toBe(4) // 2 Sec-Fetch-Site values × 2 JSON content types
  })

  it('every kit route enforces the checks', async () => {
    const { handler, upstream } = createTestApp()
    for (const route of kitRouteList) {
      const response = await handler(
        new Request(`${own}/api/centagate/${route}`, {
          method: 'POST',
          headers: {
            origin: origins.cross,
            'content-type': 'application/json',
            [kitHeaderName]: '1',
          },
          body: JSON.stringify({ device }),
        }),
      )
      expect(response.status).toBe(403)
    }
    expect(upstream.count()).toBe(0)
  })

  it('configured origins and same-site are accepted only when configured', async () => {
    const { handler } = createTestApp({
      allowedOrigins: ['https://app.example'],
      allowSameSite: true,
    })
    const response = await handler(
      new Request(`${own}/api/centagate/flow/cancel`, {
        method: 'POST',
        headers: {
          origin: 'https://app.example',
          'sec-fetch-site': 'same-site',
          'content-type': 'application/json',
          [kitHeaderName]: '1',
        },
        body: JSON.stringify({ device }),
      }),
    )
    expect(response.status).toBe(200)
  })

  it('bodies over 16 KiB are refused with 413 before parsing', async () => {
    const { handler, upstream } = createTestApp()
    const response = await handler(
      new Request(`${own}/api/centagate/login/start`, {
        method: 'POST',
        headers: { origin: own, 'content-type': 'application/json', [kitHeaderName]: '1' },
        body: JSON.stringify({ username: 'alice', password: 'x'.repeat(17_000), device }),
      }),
    )
    expect(response.status).toBe(413)
    expect(upstream.count()).toBe(0)
  })
})
