/**
 * Everything a route needs, built once per handler: the CENTAGATE client, the limiter, the flow
 * records, the cookie sealer, the receipt key, the admin session (enrolment) and the resolved
 * configuration.
 */
import type { DeviceSignals, KitRequest as KitBody, KitRoute } from '@centagate-kit/protocol'
import {
  type CentagateClient,
  createCentagateClient,
} from '../centagate-client/create-centagate-client'
import type { CentagateHandlerConfig } from '../config/handler-config'
import { type DeviceCookies, createDeviceCookies } from '../device/device-cookie'
import { deriveKey, userHash } from '../encoding'
import { cookieMode, readCookie, serializeCookie } from '../flow/cookies'
import { type FlowSealer, createFlowSealer, maxCookieBytes } from '../flow/flow-cookie'
import { type FlowRecords, createFlowRecords } from '../flow/flow-records'
import type { FlowRecord, FlowState } from '../flow/flow-state'
import { KitFailure } from '../http/kit-failure'
import type { KitRequest } from '../http/kit-request'
import type { ResponseHeaders } from '../http/response-headers'
import { type Logger, silentLogger } from '../logger'
import { type Limits, Limiter, defaultLimits } from '../rate-limit/limits'
import { createMemoryStore } from '../rate-limit/memory-store'
import { type AdminSessions, createAdminSessions } from './admin-session'

export const flowCookieBaseName = 'centagate-flow'

export interface KitRuntime {
  config: CentagateHandlerConfig
  client: CentagateClient
  limiter: Limiter
  limits: Limits
  /** The flows' changing state in the store, one request at a time per flow. */
  flows: FlowRecords
  sealer: FlowSealer
  receiptKey: Promise<Uint8Array>
  logger: Logger
  now: () => number
  /** Upstream timeout, for lock lifetimes. */
  upstreamTimeoutMs: number
  /** The admin session `tokens/register` works with (credentials stay server-side). */
  admin: AdminSessions
  /** Whether the method choice shows each method's target (`methodTargets` and an admin). */
  methodTargets: boolean
  /** Signs and verifies the device cookies of client-class lockouts. */
  deviceCookies: DeviceCookies
}

export function createRuntime(config: CentagateHandlerConfig): KitRuntime {
  const now = config.now ?? Date.now
  const logger = config.logger ?? silentLogger
  const client =
    'client' in config.centagate
      ? config.centagate.client
      : createCentagateClient({ logger, now, ...config.centagate })
  const limits = { ...defaultLimits, ...config.limits }
  const store = config.store ?? createMemoryStore({ now })
  const upstreamTimeoutMs =
    'client' in config.centagate ? 10_000 : (config.centagate.timeoutMs ?? 10_000)
  // A request holds its flow for one upstream call and the store writes around it.
  const leaseMs = upstreamTimeoutMs + 5_000
  return {
    config,
    client,
    limiter: new Limiter(store, limits),
    limits,
    flows: createFlowRecords(store, { leaseMs, maxWaitMs: leaseMs, now }),
    sealer: createFlowSealer(config.cookieSecrets),
    receiptKey:
      config.receiptSecret === undefined
        ? deriveKey(config.cookieSecrets[0]!.secret, 'step-up-receipt')
        : Promise.resolve(new TextEncoder().encode(config.receiptSecret)),
    logger,
    now,
    upstreamTimeoutMs,
    admin: createAdminSessions(client, config.admin, now),
    methodTargets: config.admin !== undefined && config.methodTargets !== false,
    deviceCookies: createDeviceCookies(config.cookieSecrets, config.deviceCookieMaxAgeDays),
  }
}

/** One kit request being served. */
export interface RouteContext {
  runtime: KitRuntime
  /** Method, URL and headers; `request.webRequest()` for app callbacks. */
  request: KitRequest
  requestId: string
  ip: string
  now: number
  device: DeviceSignals
  /** The parsed request body (what the audit trail reads the factor from). */
  input: KitBody<KitRoute>
  /**
   * The user the request acts for, once a route knows it (`enforceActor` records it): the audit
   * trail names them by pseudonym. Routes that do not know it leave it to the flow cookie.
   */
  user?: string
  /** The client class of the request for that user, once the lockout resolved it (audit trail). */
  clientClass?: 'known' | 'unknown'
  /** Response headers (Set-Cookie goes here). */
  headers: ResponseHeaders
  /** The opened flow cookie (the flow's id and immutable facts), or null. */
  flow: FlowState | null
  /** The request's Cookie header (or the host's `cookies`), for the receipt and device cookies. */
  cookies: string | null
}

export async function openFlow(
  runtime: KitRuntime,
  request: KitRequest,
  now: number,
  cookieHeader: string | null = request.header('cookie'),
) {
  const { prefix } = cookieMode(request.url)
  const token = readCookie(cookieHeader, prefix + flowCookieBaseName)
  return runtime.sealer.open(token, now)
}

/**
 * Starts a flow: its record in the store, then its cookie (written once: what changes later is
 * written to the record, so an aborted request never leaves the browser with a stale cookie). The
 * browser's previous flow, whose cookie this one replaces, ends.
 */
export async function startFlow(
  context: RouteContext,
  state: FlowState,
  record: FlowRecord | null,
): Promise<void> {
  const previous = context.flow
  if (previous !== null && previous.step === 'factor') await context.runtime.flows.end(previous.fid)
  if (record !== null) await context.runtime.flows.create(state.fid, record, state.expiresAt)
  await saveFlow(context, state)
}

async function saveFlow(context: RouteContext, state: FlowState): Promise<void> {
  const { secure, prefix } = cookieMode(context.request.url)
  const sealed = await context.runtime.sealer.seal(state, context.now)
  const cookie = serializeCookie(prefix + flowCookieBaseName, sealed, {
    secure,
    maxAge: (state.expiresAt - context.now) / 1000,
  })
  if (cookie.length > maxCookieBytes) {
    context.runtime.logger.error('flow cookie too large', { bytes: cookie.length })
    throw new KitFailure('internal_error')
  }
  context.headers.appendSetCookie(cookie)
}

export function clearFlow(context: RouteContext): void {
  const { secure, prefix } = cookieMode(context.request.url)
  context.headers.appendSetCookie(
    serializeCookie(prefix + flowCookieBaseName, '', { secure, maxAge: 0 }),
  )
}

/** The context fields CENTAGATE's risk engine gets: from the connection and the browser. */
export function contextFields(context: RouteContext) {
  return {
    supportFido: '',
    ipAddress: context.ip === 'unknown' ? '' : context.ip,
    userAgent: context.device.userAgent,
    browserFp: context.device.browserFp,
  }
}

export function requireFlow(context: RouteContext): FlowState {
  if (context.flow === null) throw new KitFailure('no_flow')
  return context.flow
}

/** The user's pseudonym for a log line; not computed when nothing is logged (the default). */
export function logUser(runtime: KitRuntime, username: string): Promise<string> | undefined {
  return runtime.logger === silentLogger ? undefined : userHash(username)
}
