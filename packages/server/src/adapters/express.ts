/**
 * `@centagate-kit/server/express`: the kit router as Express middleware, and `requireStepUp` in
 * Express middleware form for the app's own routes.
 *
 * @example
 * app.use(centagateExpress(kit))                       // before express.json()
 * app.post('/api/transfer/:id', requireStepUpExpress(kit, { maxAgeSeconds: 300 }), transfer)
 */
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { CentagateHandler } from '../handler/create-centagate-handler'
import type { RequireStepUpOptions, StepUpReceiptInfo } from '../receipts/require-step-up'
import { randomId } from '../encoding'
import { errorAnswer } from '../http/json-response'
import { KitFailure } from '../http/kit-failure'
import { toNodeHandler, toWebRequest, writeWebResponse } from './node'
import { MalformedRequestError, malformedRequestAnswer, writeKitAnswer } from './node-bridge'

/** Express middleware serving the kit routes under `kit.basePath`; other paths go to `next()`. */
export function centagateExpress(
  kit: CentagateHandler,
  options: { maxBodyBytes?: number } = {},
): (request: ExpressRequest, response: ExpressResponse, next: NextFunction) => void {
  const listener = toNodeHandler(kit, options)
  return (request, response, next) => listener(request, response, next)
}

/**
 * Express form of `kit.requireStepUp(options)`: calls `next()` with `res.locals.stepUp` set to
 * the receipt, or answers the RFC 9470-style 401. A malformed Host or URL is a typed 400 and
 * anything unexpected a typed 500 (JSON, never Express's error page with a stack).
 */
export function requireStepUpExpress(
  kit: CentagateHandler,
  options: Omit<RequireStepUpOptions, 'transactionId'> & {
    transactionId?: (request: ExpressRequest) => string | undefined
  },
): (request: ExpressRequest, response: ExpressResponse, next: NextFunction) => void {
  return (request, response, next) => {
    void (async () => {
      const transactionId = options.transactionId?.(request)
      const guard = kit.requireStepUp({
        ...options,
        transactionId: () => transactionId,
      })
      // Only URL and headers matter to the guard: no body is read.
      const { method } = request
      request.method = 'GET'
      const webRequest = await toWebRequest(request).finally(() => {
        request.method = method
      })
      const result = await guard(webRequest)
      if (result.ok) {
        ;(response.locals as { stepUp?: StepUpReceiptInfo }).stepUp = result.receipt
        next()
      } else {
        await writeWebResponse(result.response, response)
      }
    })().catch((error: unknown) => {
      if (response.headersSent) return void response.destroy()
      writeKitAnswer(
        error instanceof MalformedRequestError
          ? malformedRequestAnswer(error)
          : errorAnswer(new KitFailure('internal_error'), randomId(12), Date.now()),
        response,
      )
    })
  }
}
