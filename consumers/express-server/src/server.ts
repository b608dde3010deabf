// Express 5 as the server README shows: the kit mounted before express.json() (it reads and caps
// its own bodies), a toy session from onAuthenticated, and a transfer route guarded by
// requireStepUpExpress (a fresh step-up bound to that transaction, at most 5 minutes old).
import express from 'express'
import { configFromEnv, createCentagateHandler } from '@centagate-kit/server/node'
import { centagateExpress, requireStepUpExpress } from '@centagate-kit/server/express'

const transactions = new Map([
  [
    'tx-7',
    {
      view: {
        id: 'tx-7',
        summary: 'Transfer MYR 80.00 to Siti',
        fields: [{ name: 'amount', label: 'Amount', value: 'MYR 80.00' }],
      },
      value: '80.00',
    },
  ],
])

const kit = createCentagateHandler({
  ...configFromEnv(process.env),
  identify: (request) => {
    const match = /(?:^|;\s*)app-session=([A-Za-z0-9._@+-]+)/.exec(
      request.headers.get('cookie') ?? '',
    )
    return Promise.resolve(match?.[1] === undefined ? null : { username: match[1] })
  },
  getTransaction: (_request, id) => Promise.resolve(transactions.get(id) ?? null),
  onAuthenticated: ({ flow, username, headers }) => {
    if (flow === 'login') {
      headers.append('set-cookie', `app-session=${username}; Path=/; HttpOnly; SameSite=Lax`)
    }
  },
})

const app = express()
app.use(centagateExpress(kit))
app.use(express.json())
app.post(
  '/api/transfer/:id',
  requireStepUpExpress(kit, { maxAgeSeconds: 300, transactionId: (req) => String(req.params.id) }),
  (req, res) => {
    res.json({ transferred: req.params.id })
  },
)

const port = Number(process.env.PORT ?? 3000)
app.listen(port, '127.0.0.1', () => {
  console.info(`express kit server listening on http://127.0.0.1:${port}`)
})
