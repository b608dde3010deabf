/**
 * `createCentagateHandler(config)`: one Web-standard `(Request) => Promise<Response>` serving the
 * kit routes under `basePath`. Every request passes the CSRF checks, the body cap and the route's
 * zod schema before any route code runs; every failure becomes a typed kit error body.
 */
import {
  type KitRoute,
  defaultBasePath,
  kitRouteList,
  kitRouteSchemas,
} from '@centagate-kit/protocol'
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
import { createAdminSessions } from './admin-session'
import { tokensRegister } from './enrolment-route'
import { type KitEntry, registerKitEntry } from './kit-entry'
import {
  challengeSend,
  challengeVerify,
  qrSend,
  qrStatus,
  qrVerify,
  smsSend,
  smsVerify,
} from './factor-routes'
import { loginStart, stepUpStart } from './start-routes'
import { type RouteContext, clearFlow, createRuntime, openFlow } from './runtime'

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
}

type RouteHandler = (context: RouteContext, input: never) => Promise<unknown>

export function createCentagateHandler(config: CentagateHandlerConfig): CentagateHandler {
  validateHandlerConfig(config)
  const runtime = createRuntime(config)
  const basePath = (config.basePath ?? defaultBasePath).replace(/\/+$/, '')
  const admin = createAdminSessions(runtime.client, config.admin, runtime.now)
  const csrf = {
    allowedOrigins: config.allowedOrigins ?? [],
    allowSameSite: config.allowSameSite ?? false,
  }
  const maxBodyBytes = config.maxBodyBytes ?? defaultMaxBodyBytes

  const routes: Record<KitRoute, RouteHandler> = {
    'login/start': loginStart,
    'stepup/start': stepUpStart,
    'sms/send': smsSend,
    'sms/verify': smsVerify,
    'challenge/send': challengeSend,
    'challenge/verify': challengeVerify,
    'qr/send': qrSend,
    'qr/status': qrStatus,
    'qr/verify': qrVerify,
    'tokens/register': ((context: RouteContext, input: Parameters<typeof tokensRegister>[1]) =>
      tokensRegister(context, input, admin)) as RouteHandler,
    'flow/cancel': (context) => {
      clearFlow(context)
      return Promise.resolve({ status: 'cancelled', serverTime: context.now })
    },
  }
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

  // The one way in (kit-entry.ts): the Web handler below and the Node adapters all call it.
  const serve: KitEntry = async (request, readBody, handlerContext = {}) => {
    const requestId = randomId(12)
    const now = runtime.now()
    const headers = new ResponseHeaders()
    try {
      const route = routeByPath.get(request.url.pathname)
      if (route === undefined) throw new KitFailure('not_found')
      checkCsrf(request, csrf)
      const raw = parseJsonBody(await readBody(), maxBodyBytes)
      const parsed = kitRouteSchemas[route].request.safeParse(raw)
      if (!parsed.success) throw invalidInput(parsed.error.issues)
      const input = parsed.data as { device: RouteContext['device'] }
      const context: RouteContext = {
        runtime,
        request,
        requestId,
        ip: clientIp(request, handlerContext.clientAddress, config.trustedProxyCount ?? 0),
        now,
        device: input.device,
        headers,
        flow: await openFlow(
          runtime,
          request,
          now,
          handlerContext.cookies ?? request.header('cookie'),
        ),
      }
      const body = await routes[route](context, input as never)
      handlerContext.onSetCookie?.(headers.getSetCookie())
      return jsonAnswer(body, 200, headers)
    } catch (error) {
      handlerContext.onSetCookie?.(headers.getSetCookie())
      return errorAnswer(toFailure(error, requestId), requestId, now, headers)
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
  })
  registerKitEntry(kit, serve)
  return kit
}

/** The 400 for a body that fails the route's schema, naming (at most 20) offending fields. */
function invalidInput(
  issues: ReadonlyArray<{ code: string; path: readonly PropertyKey[]; keys?: readonly string[] }>,
): KitFailure {
  const fields = [
    ...new Set(
      issues.flatMap((issue) => {
        const path = issue.path.map(String)
        // Unknown keys are named (strict schemas): nothing extra reaches CENTAGATE.
        const names =
          issue.code === 'unrecognized_keys' && issue.keys !== undefined
            ? issue.keys.map((key) => [...path, key])
            : [path]
        return names.map((name) => name.join('.') || '(body)')
      }),
    ),
  ]
    .slice(0, 20)
    .map((field) => field.slice(0, 64))
  return new KitFailure('invalid_input', { fields })
}
