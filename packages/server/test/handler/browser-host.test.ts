// A handler hosted where Request/Response cannot carry cookies (a browser page, e.g. Storybook):
// cookies travel through HandlerContext.cookies / onSetCookie instead of headers.
import { kitHeaderName } from '@centagate-kit/protocol'
import { device } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

describe('cookie side channel for browser hosts', () => {
  it('completes a step-up without any Cookie or Set-Cookie header being used', async () => {
    const app = createTestApp({ identify: () => Promise.resolve({ username: 'alice' }) })
    const { handler } = app
    const jar = new Map<string, string>()
    const call = async (route: string, body: Record<string, unknown> = {}) => {
      const request = new Request(`http://localhost:6006/api/centagate/${route}`, {
        method: 'POST',
        headers: {
          origin: 'http://localhost:6006',
          'content-type': 'application/json',
          [kitHeaderName]: '1',
        },
        body: JSON.stringify({ device, ...body }),
      })
      const response = await handler(request, {
        cookies: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        onSetCookie: (lines) => {
          for (const line of lines) {
            const [pair] = line.split(';')
            const [name, value] = [
              pair!.slice(0, pair!.indexOf('=')),
              pair!.slice(pair!.indexOf('=') + 1),
            ]
            if (/Max-Age=0/.test(line)) jar.delete(name)
            else jar.set(name, value)
          }
        },
      })
      return (await response.json()) as Record<string, unknown>
    }
    expect(await call('stepup/start', { transactionId: 'tx-1' })).toMatchObject({
      status: 'factor_required',
    })
    await call('sms/send')
    const code = (await app.device.lastSms('alice')).code
    expect(await call('sms/verify', { code })).toMatchObject({
      status: 'authenticated',
    })
    const guard = handler.requireStepUp({ maxAgeSeconds: 60 })
    const result = await guard(new Request('http://localhost:6006/api/transfer'), {
      cookies: `centagate-stepup=${jar.get('centagate-stepup')}`,
    })
    expect(result.ok).toBe(true)
  })
})
