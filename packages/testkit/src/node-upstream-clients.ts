// Both Node upstream clients, for suites that must hold for each: the undici fetch
// (`createNodeFetch`) and the default dispatcher transport (`createNodeTransport`).
import { createNodeFetch, createNodeTransport } from '@centagate-kit/server/node'

export const nodeUpstreamClients = [
  [
    'undici fetch',
    () => {
      const fetch = createNodeFetch()
      return { option: { fetch }, close: () => fetch.close() }
    },
  ],
  [
    'undici dispatcher transport',
    () => {
      const transport = createNodeTransport()
      return { option: { transport }, close: () => transport.close() }
    },
  ],
] as const
