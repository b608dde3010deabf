// Fault injection over real HTTP (latency, 5xx, HTML, malformed JSON, oversized, redirect,
// dropped connection, hang, clock skew, a return code, counts) and in-process (a dropped
// connection is a rejected fetch, a hang ends with the request's abort signal), plus stats for
// "exactly one attempt".
import { afterEach, describe, expect, it } from 'vitest'
import { createEmulator } from './emulator'
import { type Harness, startHarness } from '@centagate-kit/testkit/emulator-test-server'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const authBasicPath = '/v2/CentagateWS/webresources/auth/authBasic'

describe('faults over HTTP', () => {
  it('http_error, html, malformed_json, oversized, redirect, clock_skew, return_code, with count', async () => {
    h = await startHarness()
    const harness = h
    const call = () =>
      harness.client.call('authBasic', { username: 'admin', password: 'admin-password' })
    const add = (body: Record<string, unknown>) => harness.control('POST', 'faults', body)

    expect(
      (await add({ endpoint: 'authBasic', kind: 'http_error', status: 503, count: 1 })).status,
    ).toBe(201)
    expect((await call()).status).toBe(503)
    expect((await call()).code).toBe('0')

    await add({ endpoint: '*', kind: 'html', count: 1 })
    const html = await call()
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toContain('text/html')
    expect(html.code).toBe('')

    await add({ endpoint: 'authBasic', kind: 'malformed_json', count: 1 })
    const malformed = await fetch(`${harness.server.url}${authBasicPath}`, {
      method: 'POST',
      body: '{}',
    })
    await expect(malformed.json()).rejects.toThrow()

    await add({ endpoint: 'authBasic', kind: 'oversized', count: 1 })
    const big = await fetch(`${harness.server.url}${authBasicPath}`, { method: 'POST', body: '{}' })
    expect((await big.arrayBuffer()).byteLength).toBeGreaterThan(1024 * 1024)

    await add({ endpoint: 'authBasic', kind: 'redirect', count: 1 })
    const redirect = await fetch(`${harness.server.url}${authBasicPath}`, {
      method: 'POST',
      body: '{}',
      redirect: 'manual',
    })
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toMatch(/^https:\/\/redirect\.invalid\//)

    await add({ endpoint: 'authBasic', kind: 'clock_skew', count: 2 })
    expect((await call()).code).toBe('23023')
    expect((await call()).code).toBe('23023')
    expect((await call()).code).toBe('0')

    await add({ endpoint: 'authBasic', kind: 'return_code', returnCode: '23008', count: 1 })
    const refused = await call()
    expect(refused.status).toBe(200)
    expect(refused.code).toBe('23008')
    expect((await call()).code).toBe('0')

    // Faults on another endpoint do not touch this one; DELETE clears them.
    await add({ endpoint: 'authSmsOtp', kind: 'http_error' })
    expect((await call()).code).toBe('0')
    expect(
      (await harness.control<{ faults: unknown[] }>('GET', 'faults')).body.faults,
    ).toHaveLength(1)
    await harness.control('DELETE', 'faults')
    expect(
      (await harness.control<{ faults: unknown[] }>('GET', 'faults')).body.faults,
    ).toHaveLength(0)
    // Bad fault specs are 400.
    expect((await add({ endpoint: 'nope', kind: 'drop' })).status).toBe(400)
    expect((await add({ endpoint: '*', kind: 'explode' })).status).toBe(400)
    expect((await add({ endpoint: '*', kind: 'return_code', returnCode: 'x' })).status).toBe(400)
  })

  it('latency delays the answer', async () => {
    h = await startHarness()
    await h.control('POST', 'faults', {
      endpoint: 'authBasic',
      kind: 'latency',
      delayMs: 300,
      count: 1,
    })
    const started = performance.now()
    expect(
      (await h.client.call('authBasic', { username: 'admin', password: 'admin-password' })).code,
    ).toBe('0')
    expect(performance.now() - started).toBeGreaterThanOrEqual(280)
  })

  it('drop destroys the socket: the client sees a network error, and stats count one attempt', async () => {
    h = await startHarness()
    await h.control('DELETE', 'stats')
    await h.control('POST', 'faults', { endpoint: 'authBasic', kind: 'drop', count: 1 })
    await expect(
      fetch(`${h.server.url}${authBasicPath}`, { method: 'POST', body: '{}' }),
    ).rejects.toThrow(TypeError)
    const stats = await h.control<{ total: number; byEndpoint: Record<string, number> }>(
      'GET',
      'stats',
    )
    expect(stats.body.total).toBe(1)
    expect(stats.body.byEndpoint).toEqual({ authBasic: 1 })
  })

  it('hang never answers; the client times out and the server still closes', async () => {
    h = await startHarness()
    await h.control('POST', 'faults', { endpoint: 'authBasic', kind: 'hang' })
    const started = performance.now()
    await expect(
      fetch(`${h.server.url}${authBasicPath}`, {
        method: 'POST',
        body: '{}',
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow()
    expect(performance.now() - started).toBeLessThan(2000)
    // A second hanging request is still open when the server closes: close must not wait for it.
    const pending = fetch(`${h.server.url}${authBasicPath}`, { method: 'POST', body: '{}' }).catch(
      (error: unknown) => error,
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    await h.close()
    h = undefined
    expect(await pending).toBeInstanceOf(Error)
  })
})

describe('in process (the browser/Storybook shape)', () => {
  const request = (path: string, init: RequestInit = {}) =>
    new Request(`http://emulator.test${path}`, init)
  // Control writes are JSON with the kit's header.
  const controlHeaders = { 'content-type': 'application/json', 'x-centagate-kit': '1' }

  it('a dropped connection is a rejected fetch (TypeError), a hang follows the abort signal', async () => {
    const emulator = createEmulator()
    await emulator.fetch(
      request('/__emulator/faults', {
        method: 'POST',
        headers: controlHeaders,
        body: JSON.stringify({ endpoint: 'authBasic', kind: 'drop', count: 1 }),
      }),
    )
    await expect(
      emulator.fetch(request(authBasicPath, { method: 'POST', body: '{}' })),
    ).rejects.toThrow(TypeError)
    await emulator.fetch(
      request('/__emulator/faults', {
        method: 'POST',
        headers: controlHeaders,
        body: JSON.stringify({ endpoint: 'authBasic', kind: 'hang' }),
      }),
    )
    const controller = new AbortController()
    const hanging = emulator.fetch(
      request(authBasicPath, { method: 'POST', body: '{}', signal: controller.signal }),
    )
    controller.abort(new Error('gave up'))
    await expect(hanging).rejects.toThrow('gave up')
    const closed = emulator.fetch(request(authBasicPath, { method: 'POST', body: '{}' }))
    emulator.close()
    await expect(closed).rejects.toThrow(TypeError)
  })

  it('controlApi: false makes every /__emulator path 404', async () => {
    const emulator = createEmulator({ controlApi: false })
    for (const path of ['/__emulator/outbox', '/__emulator/stats', '/__emulator/clock']) {
      expect((await emulator.fetch(request(path))).status).toBe(404)
    }
    expect(
      (await emulator.fetch(request(authBasicPath, { method: 'POST', body: '{}' }))).status,
    ).toBe(200)
  })
})
