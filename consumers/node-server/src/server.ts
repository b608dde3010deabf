// The server package's README example, as an app writes it: the kit routes on node:http, a toy
// app session set by onAuthenticated, transactions from the server side, and one app route
// guarded by requireStepUp. Configuration from CENTAGATE_* variables (configFromEnv).
import { createServer } from 'node:http'
import {
  configFromEnv,
  createCentagateHandler,
  toNodeHandler,
  toWebRequest,
  writeWebResponse,
} from '@centagate-kit/server/node'

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

function sessionUser(request: Request): { username: string } | null {
  const match = /(?:^|;\s*)app-session=([A-Za-z0-9._@+-]+)/.exec(
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
      headers.append('set-cookie', `app-session=${username}; Path=/; HttpOnly; SameSite=Lax`)
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
server.listen(port, '127.0.0.1', () => {
  console.info(`kit server listening on http://127.0.0.1:${port}`)
})
