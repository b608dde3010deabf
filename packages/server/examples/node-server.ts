/**
 * A complete kit server on node:http: the kit routes, a toy app session and one step-up-protected
 * app route. Run (with the emulator CLI on :8787, see README):
 *   CENTAGATE_BASE_URL=http://127.0.0.1:8787 CENTAGATE_INTEGRATION_KEY=... CENTAGATE_SECRET_KEY=... \
 *   CENTAGATE_COOKIE_SECRET=0123456789abcdef0123456789abcdef node --conditions=@centagate-kit/source \
 *   --import tsx packages/server/examples/node-server.ts
 */
import { createServer } from 'node:http'
import {
  configFromEnv,
  createCentagateHandler,
  toNodeHandler,
  toWebRequest,
  writeWebResponse,
} from '@centagate-kit/server/node'

// Toy app state. A real app uses its own session store and database.
const transactions = new Map([
  [
    'tx-1',
    {
      view: {
        id: 'tx-1',
        summary: 'Transfer MYR 1,250.00 to Ahmad',
        fields: [{ name: 'amount', label: 'Amount', value: 'MYR 1,250.00' }],
      },
      value: '1250.00',
    },
  ],
])
const sessionUser = (request: Request) => {
  const match = /(?:^|;\s*)demo-session=([A-Za-z0-9._@+-]+)/.exec(
    request.headers.get('cookie') ?? '',
  )
  return match?.[1] === undefined ? null : { username: match[1] }
}

const kit = createCentagateHandler({
  ...configFromEnv(process.env),
  identify: (request) => Promise.resolve(sessionUser(request)),
  getTransaction: (_request, id) => Promise.resolve(transactions.get(id) ?? null),
  onAuthenticated: ({ flow, username, headers }) => {
    if (flow === 'login') {
      headers.append('set-cookie', `demo-session=${username}; Path=/; HttpOnly; SameSite=Lax`)
    }
  },
})
const kitListener = toNodeHandler(kit)
const transferGuard = kit.requireStepUp({ maxAgeSeconds: 300, transactionId: () => 'tx-1' })

const server = createServer((request, response) => {
  kitListener(request, response, () => {
    void (async () => {
      if (request.url !== '/api/transfer/tx-1' || request.method !== 'POST') {
        response.writeHead(404).end()
        return
      }
      const result = await transferGuard(await toWebRequest(request))
      if (!result.ok) return writeWebResponse(result.response, response)
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"transferred":true}')
    })()
  })
})
const port = Number(process.env.PORT ?? 3000)
server.listen(port, '127.0.0.1', () => console.warn(`kit server on http://127.0.0.1:${port}`))
