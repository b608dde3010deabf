import { describe, expect, it, vi } from 'vitest'
import { formatStepUpChallenge } from '@centagate-kit/protocol'
import { createStepUpFetch, isStepUpRequired } from './step-up-interceptor'

function stepUpResponse(options: { body?: boolean; transactionId?: string } = {}): Response {
  const headers = { 'www-authenticate': formatStepUpChallenge({ maxAgeSeconds: 300 }) }
  if (options.body === false) return new Response('Unauthorized', { status: 401, headers })
  return Response.json(
    {
      error: {
        code: 'step_up_required',
        messageKey: 'kit.step_up_required',
        maxAgeSeconds: 300,
        ...(options.transactionId ? { transactionId: options.transactionId } : {}),
      },
      requestId: 'r1',
    },
    { status: 401, headers },
  )
}

/** An app route that demands step-up until `steppedUp` is set, recording request bodies. */
function appRoute() {
  const state = { steppedUp: false, bodies: [] as string[], always401: false }
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = input instanceof Request ? await input.text() : init?.body ? String(init.body) : ''
    state.bodies.push(body)
    if (!state.steppedUp || state.always401) return stepUpResponse({ transactionId: 'tx-1' })
    return Response.json({ ok: true })
  })
  return { state, fetch: fetch as unknown as typeof globalThis.fetch & typeof fetch, spy: fetch }
}

describe('isStepUpRequired', () => {
  it('reads the transaction and max age from the body, leaving it readable', async () => {
    const response = stepUpResponse({ transactionId: 'tx-1' })
    await expect(isStepUpRequired(response)).resolves.toEqual({
      transactionId: 'tx-1',
      maxAgeSeconds: 300,
    })
    expect(((await response.json()) as { requestId: string }).requestId).toBe('r1')
  })

  it('recognises the WWW-Authenticate header alone (max_age from it)', async () => {
    await expect(isStepUpRequired(stepUpResponse({ body: false }))).resolves.toEqual({
      maxAgeSeconds: 300,
    })
  })

  it('ignores other 401s and other statuses', async () => {
    const plain401 = Response.json(
      { error: { code: 'unauthenticated', messageKey: 'kit.unauthenticated' }, requestId: 'r' },
      { status: 401 },
    )
    await expect(isStepUpRequired(plain401)).resolves.toBeNull()
    await expect(isStepUpRequired(new Response('x', { status: 403 }))).resolves.toBeNull()
    await expect(isStepUpRequired(Response.json({ ok: true }))).resolves.toBeNull()
  })
})

describe('createStepUpFetch', () => {
  it('passes ordinary responses through without prompting', async () => {
    const requestStepUp = vi.fn(async () => true)
    const app = appRoute()
    app.state.steppedUp = true
    const f = createStepUpFetch({ fetch: app.fetch, requestStepUp })
    expect((await f('/api/transfer')).status).toBe(200)
    expect(requestStepUp).not.toHaveBeenCalled()
  })

  it('opens the step-up and retries the original request once after success', async () => {
    const app = appRoute()
    const requestStepUp = vi.fn(async () => {
      app.state.steppedUp = true
      return true
    })
    const f = createStepUpFetch({ fetch: app.fetch, requestStepUp })
    const init = { method: 'POST', body: JSON.stringify({ amount: 100 }) }
    const response = await f('/api/transfer', init)
    expect(response.status).toBe(200)
    expect(requestStepUp).toHaveBeenCalledWith({ transactionId: 'tx-1', maxAgeSeconds: 300 })
    expect(app.spy).toHaveBeenCalledTimes(2)
    expect(app.spy.mock.calls[1]).toEqual(['/api/transfer', init])
    expect(app.state.bodies).toEqual(['{"amount":100}', '{"amount":100}'])
  })

  it('does not retry at all when the user cancels: the 401 comes back readable', async () => {
    const app = appRoute()
    const f = createStepUpFetch({ fetch: app.fetch, requestStepUp: async () => false })
    const response = await f('/api/transfer', { method: 'POST', body: 'x' })
    expect(response.status).toBe(401)
    expect(app.spy).toHaveBeenCalledTimes(1)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'step_up_required',
    )
  })

  it('a failing prompt counts as cancelled', async () => {
    const app = appRoute()
    const f = createStepUpFetch({
      fetch: app.fetch,
      requestStepUp: () => Promise.reject(new Error('closed')),
    })
    expect((await f('/api/transfer')).status).toBe(401)
    expect(app.spy).toHaveBeenCalledTimes(1)
  })

  it('retries only once: a second 401 is returned, no loop', async () => {
    const app = appRoute()
    app.state.always401 = true
    const requestStepUp = vi.fn(async () => true)
    const f = createStepUpFetch({ fetch: app.fetch, requestStepUp })
    expect((await f('/api/transfer')).status).toBe(401)
    expect(requestStepUp).toHaveBeenCalledTimes(1)
    expect(app.spy).toHaveBeenCalledTimes(2)
  })

  it('replays a Request input with its body', async () => {
    const app = appRoute()
    const f = createStepUpFetch({
      fetch: app.fetch,
      requestStepUp: async () => (app.state.steppedUp = true),
    })
    const request = new Request('https://bank.test/api/transfer', {
      method: 'POST',
      body: 'amount=100',
    })
    expect((await f(request)).status).toBe(200)
    expect(app.state.bodies).toEqual(['amount=100', 'amount=100'])
  })

  it('concurrent demands share one prompt', async () => {
    const app = appRoute()
    let resolve: (ok: boolean) => void = () => {}
    const requestStepUp = vi.fn(() => new Promise<boolean>((r) => (resolve = r)))
    const f = createStepUpFetch({ fetch: app.fetch, requestStepUp })
    const a = f('/api/a')
    const b = f('/api/b')
    await vi.waitFor(() => expect(requestStepUp).toHaveBeenCalled())
    // Let the second request read its 401 and join the open prompt.
    await new Promise((r) => setTimeout(r, 20))
    app.state.steppedUp = true
    resolve(true)
    expect((await a).status).toBe(200)
    expect((await b).status).toBe(200)
    expect(requestStepUp).toHaveBeenCalledTimes(1)
  })

  it('aborting while the step-up is open rejects and never retries', async () => {
    const app = appRoute()
    const f = createStepUpFetch({ fetch: app.fetch, requestStepUp: () => new Promise(() => {}) })
    const controller = new AbortController()
    const pending = f('/api/transfer', { signal: controller.signal })
    await vi.waitFor(() => expect(app.spy).toHaveBeenCalledTimes(1))
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(app.spy).toHaveBeenCalledTimes(1)
  })

  it('a one-shot stream body is not replayed', async () => {
    const app = appRoute()
    const requestStepUp = vi.fn(async () => true)
    const f = createStepUpFetch({ fetch: app.fetch, requestStepUp })
    const body = new ReadableStream({ start: (c) => c.close() })
    expect((await f('/api/upload', { method: 'POST', body })).status).toBe(401)
    expect(requestStepUp).not.toHaveBeenCalled()
  })
})
