import { describe, expect, it } from 'vitest'
import { createCentagateHandler, toNodeHandler } from '../adapters/node'
import type { CentagateHandler } from './create-centagate-handler'

const config = {
  centagate: {
    baseUrl: 'https://centagate.test',
    integrationKey: 'integration-key',
    secretKey: 'secret-key',
    fetch: () => Promise.reject(new Error('no upstream in this test')),
  },
  cookieSecrets: [{ id: 'k1', secret: 'kit-entry-test-cookie-secret-0123456789' }],
}

describe('one way in', () => {
  it('the public handler is the Web handler only: no serve() beside it', () => {
    const handler = createCentagateHandler(config)
    expect(Object.keys(handler).sort()).toEqual([
      'basePath',
      'client',
      'handles',
      'logout',
      'requireStepUp',
    ])
    expect('serve' in handler).toBe(false)
  })

  it('adapters reach the internal entry only for handlers made by createCentagateHandler', () => {
    const handler = createCentagateHandler(config)
    expect(() => toNodeHandler(handler)).not.toThrow()
    const wrapper = Object.assign((request: Request) => handler(request), {
      basePath: handler.basePath,
      handles: handler.handles,
      requireStepUp: handler.requireStepUp,
      client: handler.client,
      logout: handler.logout,
    }) satisfies CentagateHandler
    expect(() => toNodeHandler(wrapper)).toThrow(TypeError)
  })
})
