/**
 * The audit trail a bank can keep (issue 14): one typed event per security-relevant outcome,
 * derived in this one place from what the dispatcher knows of a request (the route, its parsed
 * input, its answer or failure, the flow cookie it carried), so route files know nothing of it.
 * An event names the user by pseudonym only and never carries a code, token, secret, phone number
 * or transaction text.
 */
import type {
  KitErrorCode,
  KitMethod,
  KitRequest,
  KitRoute,
  KitResponse,
} from '@centagate-kit/protocol'
import type { FlowState } from '../flow/flow-state'
import type { KitFailure } from '../http/kit-failure'

/** The outcomes the trail records. */
export const auditEventTypes = [
  /** `login/start` or `stepup/start` opened a flow (a second factor is needed). */
  'flow_started',
  /** An SMS code, a token challenge or a QR code went out. */
  'code_sent',
  /** A wrong password or code, an expired code, a challenge out of tries, a declined QR. */
  'verification_failed',
  /** The user is locked out (`lockedUntil`). */
  'locked',
  /** A login completed. */
  'authenticated',
  /** A step-up completed (with `transactionId` when it signed a transaction). */
  'step_up_completed',
  /** A factor was registered (or, with the factor routes, replaced or removed). */
  'factor_changed',
  /**
   * A factor change was refused: no fresh step-up of that user (`step_up_required`, e.g. a
   * stolen session trying to add its own phone), or the app's `authorizeEnrolment` said no
   * (`forbidden`).
   */
  'factor_change_refused',
  /** The user abandoned a flow (`flow/cancel` with a live flow). */
  'flow_abandoned',
] as const

export type AuditEventType = (typeof auditEventTypes)[number]

/** The factor an event is about: a kit method, or the password of `login/start`. */
export type AuditMethod = KitMethod | 'password'

/** What `onAuditEvent` receives: names, times and outcomes, never a secret. */
export interface AuditEvent {
  type: AuditEventType
  /** When the request was served (epoch ms, the handler's clock). */
  time: number
  /** The request id (also in the answer's body and the log lines). */
  requestId: string
  /** The kit route, relative to the base path (`sms/verify`). */
  route: KitRoute
  /** The factor, when the route is about one. */
  method?: AuditMethod
  /** `success`, or the kit error code the request was answered with. */
  outcome: 'success' | KitErrorCode
  /** The client address as the handler resolved it (`trustedProxyCount` applied), or `unknown`. */
  clientIp: string
  /**
   * The user's pseudonym, when the request names a user: the same `userHash` as the log lines
   * (16 hex digits of SHA-256 over the lower-cased username).
   */
  user?: string
  /**
   * The client class the kit's lockout counted the request in, when it looked: `known` (a browser
   * carrying that user's device cookie) or `unknown` (any other client). A `locked` event says
   * which class is locked: strangers, or one of the user's own browsers.
   */
  clientClass?: 'known' | 'unknown'
  /** Which flow the request belongs to, when known. */
  flow?: 'login' | 'stepup'
  /** The app transaction a step-up signs. */
  transactionId?: string
  /** For `locked`: when the lock ends (epoch ms). */
  lockedUntil?: number
  /** The CENTAGATE return code behind a failure, where there is one. */
  returnCode?: string
}

/** An event before the user's pseudonym is computed (that is done off the answer's path). */
export type AuditDraft = Omit<AuditEvent, 'user'> & { username?: string }

/** The role of a route in the trail, and the factor it is about. */
type RouteAudit<R extends KitRoute> = {
  readonly role: 'start' | 'send' | 'verify' | 'factor_change' | 'cancel' | 'read'
  readonly method?: (input: KitRequest<R>) => AuditMethod | undefined
}

// Typed over every declared route: a new route fails typecheck until its role is decided here.
const routeAudit: { readonly [R in KitRoute]: RouteAudit<R> } = {
  'login/start': {
    role: 'start',
    method: (input) => (input.password === undefined ? undefined : 'password'),
  },
  'stepup/start': { role: 'start' },
  'sms/send': { role: 'send', method: () => 'sms' },
  'sms/verify': { role: 'verify', method: () => 'sms' },
  'challenge/send': { role: 'send', method: () => 'challenge' },
  'challenge/verify': { role: 'verify', method: () => 'challenge' },
  'qr/send': { role: 'send', method: () => 'qr' },
  'qr/status': { role: 'verify', method: () => 'qr' },
  'qr/verify': { role: 'verify', method: () => 'qr' },
  'push/send': { role: 'send', method: () => 'push' },
  'push/status': { role: 'verify', method: () => 'push' },
  'app-otp/start': { role: 'send', method: () => 'app_otp' },
  'app-otp/verify': { role: 'verify', method: () => 'app_otp' },
  'tokens/register': {
    role: 'factor_change',
    method: (input) => (input.kind === 'sms' ? 'sms' : 'challenge'),
  },
  'flow/cancel': { role: 'cancel' },
  'factors/list': { role: 'read' },
  'factors/remove': {
    role: 'factor_change',
    method: (input) => (input.slot === 'sms' ? 'sms' : undefined),
  },
  // Issuing the key is not yet a change (the token is pending): its refusals are recorded, and
  // the change is recorded when the first code verifies.
  'authenticator/start': { role: 'factor_change' },
  'authenticator/verify': { role: 'factor_change' },
  'app/activation/start': { role: 'factor_change' },
  'app/activation/status': { role: 'read' },
}

/** Failures of a verification (a wrong password at `login/start` included). */
const verificationFailures = new Set<KitErrorCode>([
  'invalid_credentials',
  'otp_invalid',
  'otp_expired',
  'challenge_locked',
  'rejected',
])

/** Refusals of a factor change that the trail records (others are input or upstream errors). */
const factorChangeRefusals = new Set<KitErrorCode>(['step_up_required', 'forbidden'])

/** What the dispatcher knows of a served request. */
export interface AuditFacts<R extends KitRoute = KitRoute> {
  route: R
  /** The parsed body. */
  input: KitRequest<R>
  requestId: string
  time: number
  clientIp: string
  /** The user the request acted for, once a route knew it (`RouteContext.user`). */
  user: string | undefined
  /** The request's client class for that user, once the lockout resolved it. */
  clientClass: 'known' | 'unknown' | undefined
  /** The flow cookie the request carried. */
  flow: FlowState | null
  /** The 200 answer, or the failure. */
  result: { answer: KitResponse<R> } | { failure: KitFailure }
}

/** The events of one served request (most requests have none or one). */
export function auditEventsOf<R extends KitRoute>(facts: AuditFacts<R>): AuditDraft[] {
  const audit = routeAudit[facts.route] as RouteAudit<R>
  const username = facts.user ?? facts.flow?.username
  const method = audit.method?.(facts.input)
  const event = (
    type: AuditEventType,
    outcome: AuditDraft['outcome'],
    extra: Partial<AuditDraft> = {},
  ): AuditDraft => ({
    type,
    time: facts.time,
    requestId: facts.requestId,
    route: facts.route,
    ...(method === undefined ? {} : { method }),
    outcome,
    clientIp: facts.clientIp,
    ...(username === undefined ? {} : { username }),
    ...(facts.clientClass === undefined ? {} : { clientClass: facts.clientClass }),
    ...(facts.flow === null ? {} : { flow: facts.flow.flow }),
    ...(facts.flow?.transaction === undefined ? {} : { transactionId: facts.flow.transaction.id }),
    ...extra,
  })

  if ('failure' in facts.result) {
    const { code, details } = facts.result.failure
    const returnCode = details.returnCode === undefined ? {} : { returnCode: details.returnCode }
    if (code === 'locked') {
      const until = details.lockedUntil === undefined ? {} : { lockedUntil: details.lockedUntil }
      return [event('locked', code, { ...until, ...returnCode })]
    }
    const verifies = audit.role === 'verify' || audit.role === 'start'
    if ((verifies || audit.role === 'factor_change') && verificationFailures.has(code)) {
      return [event('verification_failed', code, returnCode)]
    }
    if (audit.role === 'factor_change' && factorChangeRefusals.has(code)) {
      return [event('factor_change_refused', code)]
    }
    return []
  }

  // Every 200 answer has a status; the flow answers say which flow and, completed, which method.
  const answer = facts.result.answer as {
    status: string
    flow?: 'login' | 'stepup'
    method?: AuditMethod
    receipt?: { transactionId?: string }
  }
  const flow = answer.flow === undefined ? {} : { flow: answer.flow }
  switch (answer.status) {
    case 'factor_required':
      // A further factor after a verified one is the same flow going on, not a new one.
      return audit.role === 'start' ? [event('flow_started', 'success', flow)] : []
    case 'authenticated': {
      const completed = {
        ...flow,
        ...(answer.method === undefined ? {} : { method: answer.method }),
        ...(answer.receipt?.transactionId === undefined
          ? {}
          : { transactionId: answer.receipt.transactionId }),
      }
      return [
        event(
          answer.flow === 'stepup' ? 'step_up_completed' : 'authenticated',
          'success',
          completed,
        ),
      ]
    }
    case 'sent':
      return [event('code_sent', 'success')]
    // An authenticator key issued or an app activation started: not a factor yet.
    case 'pending':
      return []
    default:
      if (audit.role === 'factor_change') return [event('factor_changed', 'success')]
      if (audit.role === 'cancel' && facts.flow !== null) {
        return [event('flow_abandoned', 'success')]
      }
      return []
  }
}
