/**
 * `createCentagateHandler(config)`: one Web-standard `(Request) => Promise<Response>` serving the
 * kit routes under `basePath`. Every request passes the CSRF checks, the body cap and the route's
 * zod schema before any route code runs; every failure becomes a typed kit error body. What a
 * request came to is handed to the audit trail (`onAuditEvent`) after its answer is decided.
 */
import { type KitRoute, defaultBasePath, kitRouteList } from '@centagate-kit/protocol'
import type { CentagateClient } from '../centagate-client/create-centagate-client'
import { isCentagateError } from '../centagate-client/errors'
import { type CentagateHandlerConfig, validateHandlerConfig } from '../config/handler-config'
import { randomId } from '../encoding'
import { clientIp } from '../http/client-ip'
import { checkCsrf } from '../http/csrf'
import { errorAnswer, jsonAnswer, toWebResponse } from '../http/json-response'
import { KitFailure, failureFromUpstream } from '../http/kit-failure'
import { kitRequestFromWeb } from '../http/kit-request'
import { defaultMaxBodyBytes, parseJsonBody, readRequestBytes } from '../http/read-json-body'
import { ResponseHeaders } from '../http/response-headers'
import { StoreUnavailableError } from '../rate-limit/store'
import {
  type RequireStepUpOptions,
  type StepUpGuard,
  createStepUpGuard,
} from '../receipts/require-step-up'
import { type LogoutRequest, type LogoutResult, logoutCentagateSession } from '../session/logout'
import { type KitEntry, registerKitEntry } from './kit-entry'
import { declaresError, runKitRoute } from './kit-route-table'
import type { AuditFacts } from './audit-events'
import { createAuditTrail } from './audit-trail'
import { type RouteContext, createRuntime, openFlow } from './runtime'

/** What an adapter knows about the connection. */
export interface HandlerContext {
  /** The peer address of the TCP connection. */
  clientAddress?: string
  /**
   * The request's cookies, for hosts that cannot put a `Cookie` header on a Request (a handler
   * running inside a browser, e.g. Storybook). Default: the request's `Cookie` header.
   */
  cookies?: string
  /**
   * Receives the `Set-Cookie` values of the answer, for hosts where a script-built Response drops
   * them (browsers). Default: none (they are on the Response).
   */
  onSetCookie?: (setCookies: string[]) => void
}

export interface CentagateHandler {
  (request: Request, context?: HandlerContext): Promise<Response>
  /** The mount point, e.g. `/api/centagate`. */
  readonly basePath: string
  /** Whether a path belongs to this handler (adapters pass other paths on). */
  handles(pathname: string): boolean
  /** A guard for the app's own routes that need a fresh step-up. */
  requireStepUp(options: RequireStepUpOptions): StepUpGuard
  /** The CENTAGATE client the handler uses. */
  readonly client: CentagateClient
  /**
   * Ends the user's CENTAGATE session (`auth/logout`) when the app ends its own: call it from the
   * app's logout route and copy `headers` (deleting the kit's session cookie) onto the answer.
   * Pass the Web Request, or `{ url, cookie }` (the `Cookie` header) from an adapter. Resolves to
   * a status; never rejects for CENTAGATE's sake.
   */
  logout(request: LogoutRequest): Promise<LogoutResult>
}

export function createCentagateHandler(config: CentagateHandlerConfig): CentagateHandler {
  validateHandlerConfig(config)
  const runtime = createRuntime(config)
  const auditTrail = createAuditTrail(runtime)
  const basePath = (config.basePath ?? defaultBasePath).replace(/\/+$/, '')
  const csrf = {
    allowedOrigins: config.allowedOrigins ?? [],
    allowSameSite: config.allowSameSite ?? false,
  }
  const maxBodyBytes = config.maxBodyBytes ?? defaultMaxBodyBytes

  const routeByPath = new Map<string, KitRoute>(
    kitRouteList.map((route) => [`${basePath}/${route}`, route]),
  )

  const toFailure = (error: unknown, requestId: string): KitFailure => {
    if (error instanceof KitFailure) return error
    if (isCentagateError(error)) {
      runtime.logger.warn('upstream call failed', {
        requestId,
        endpoint: error.endpoint,
        kind: error.kind,
        ...('code' in error ? { returnCode: (error as { code: string }).code } : {}),
      })
      return failureFromUpstream(error)
    }
    if (error instanceof StoreUnavailableError) {
      runtime.logger.error('rate-limit store unavailable; failing closed', { requestId })
      return new KitFailure('upstream_unavailable', {}, 'kit.store_unavailable')
    }
    runtime.logger.error('unexpected error', {
      requestId,
      error: error instanceof Error ? error.name : typeof error,
    })
    return new KitFailure('internal_error')
  }

  /** What the audit trail needs of a request that reached its route's code. */
  const audited = (
    route: KitRoute,
    context: RouteContext,
    result: AuditFacts['result'],
  ): AuditFacts => ({
    route,
    input: context.input,
    requestId: context.requestId,
    time: context.now,
    clientIp: context.ip,
    user: context.user,
    clientClass: context.clientClass,
    flow: context.flow,
    result,
  })

  // The one way in (kit-entry.ts): the Web handler below and the Node adapters all call it.
  const serve: KitEntry = async (request, readBody, handlerContext = {}) => {
    const requestId = randomId(12)
    const now = runtime.now()
    const headers = new ResponseHeaders()
    const route = routeByPath.get(request.url.pathname)
    // Built once the body passed its schema: only then has the request an outcome to audit.
    let context: RouteContext | undefined
    try {
      if (route === undefined) throw new KitFailure('not_found')
      checkCsrf(request, csrf)
      const raw = parseJsonBody(await readBody(), maxBodyBytes)
      const cookies = handlerContext.cookies ?? request.header('cookie')
      const body = await runKitRoute(route, raw, async (input) => {
        context = {
          runtime,
          request,
          requestId,
          ip: clientIp(request, handlerContext.clientAddress, config.trustedProxyCount ?? 0),
          now,
          device: input.device,
          input,
          headers,
          flow: await openFlow(runtime, request, now, cookies),
          cookies,
        }
        return context
      })
      handlerContext.onSetCookie?.(headers.getSetCookie())
      if (context !== undefined) auditTrail.record(audited(route, context, { answer: body }))
      return jsonAnswer(body, 200, headers)
    } catch (error) {
      handlerContext.onSetCookie?.(headers.getSetCookie())
      const failure = toFailure(error, requestId)
      if (route !== undefined && context !== undefined) {
        auditTrail.record(audited(route, context, { failure }))
      }
      if (route !== undefined && !declaresError(route, failure.code)) {
        // The route's declaration (protocol) does not list this code: the contract is out of date.
        runtime.logger.error('kit route answered an undeclared error code', {
          requestId,
          route,
          code: failure.code,
        })
      }
      return errorAnswer(failure, requestId, now, headers)
    }
  }

  const handler = async (request: Request, handlerContext: HandlerContext = {}) =>
    toWebResponse(
      await serve(
        kitRequestFromWeb(request),
        () => readRequestBytes(request, maxBodyBytes),
        handlerContext,
      ),
    )

  const kit: CentagateHandler = Object.assign(handler, {
    basePath,
    handles: (pathname: string) => pathname === basePath || pathname.startsWith(`${basePath}/`),
    requireStepUp: (options: RequireStepUpOptions) => createStepUpGuard(runtime, options),
    client: runtime.client,
    logout: (request: LogoutRequest) => logoutCentagateSession(runtime, request),
  })
  registerKitEntry(kit, serve)
  return kit
}
