// The kit in a Next.js App Router route handler (server README, "Mounting in each framework").
// The handler is made on the first request, so `next build` needs no CENTAGATE_* variables.
import { configFromEnv, createCentagateHandler } from '@centagate-kit/server'
import { toNextHandlers } from '@centagate-kit/server/next'

export const dynamic = 'force-dynamic'

let handlers: ReturnType<typeof toNextHandlers> | undefined
const kit = () =>
  (handlers ??= toNextHandlers(
    createCentagateHandler({
      ...configFromEnv(process.env),
      onAuthenticated: ({ flow, username, headers }) => {
        if (flow === 'login') {
          headers.append('set-cookie', `app-session=${username}; Path=/; HttpOnly; SameSite=Lax`)
        }
      },
    }),
  ))

export const POST = (request: Request) => kit().POST(request)
export const GET = (request: Request) => kit().GET(request)
