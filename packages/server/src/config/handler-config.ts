/**
 * The configuration of `createCentagateHandler`, its defaults, and its validation. Invalid
 * configuration fails at startup with a {@link ConfigError} listing every problem by name.
 */
import { type KitMethod, type TransactionView, displayTextPattern } from '@centagate-kit/protocol'
import { z } from 'zod'
import type {
  CentagateClient,
  CentagateClientOptions,
} from '../centagate-client/create-centagate-client'
import type { CookieSecret } from '../flow/flow-cookie'
import type { AuditEvent } from '../handler/audit-events'
import type { Logger } from '../logger'
import { defaultLimits, type Limits } from '../rate-limit/limits'
import type { RateLimitStore } from '../rate-limit/store'
import { ConfigError } from './config-error'
import { signedOrderConfig } from './signed-order-config'

/** What `onAuthenticated` receives. */
export interface AuthenticatedEvent {
  flow: 'login' | 'stepup'
  username: string
  /** The factor that completed the flow. */
  method: KitMethod | 'password'
  /** Epoch ms. */
  authTime: number
  /** Step-up with a transaction: the transaction that was signed. */
  transaction?: { view: TransactionView; value?: string }
  request: Request
  /** Response headers: append `Set-Cookie` here to start the app's own session. */
  headers: Headers
}

/** See `CentagateHandlerConfig.authenticator`. */
export interface AuthenticatorConfig {
  /** Shown by the authenticator app above the code (no `:`). @default 'CENTAGATE' */
  issuer?: string
  /** The account name shown under the issuer (no `:`). @default the username */
  label?: (user: { username: string }) => string
  /** Seconds the first code may take before the half-enrolled token is removed. @default 600 */
  firstCodeSeconds?: number
}

/**
 * What `onFactorChanged` receives: what changed, for whom, when, and how it was allowed. Never a
 * secret: the label is what the browser was shown (a masked phone number, a token serial).
 */
export interface FactorChangedEvent {
  /** `registered` (added, or an SMS number replaced), `removed`. */
  change: 'registered' | 'removed'
  /** The factor kind (`sms`, `hardware`, ...). */
  kind: string
  /** The masked phone number or the token serial. */
  label: string
  username: string
  /** Epoch ms. */
  time: number
  /**
   * `step_up`: a fresh step-up of this user allowed it; `first_factor`: the user had no factor
   * (enrolment right after a password login), the one change allowed without a step-up.
   */
  allowedBy: 'step_up' | 'first_factor'
  request: Request
}

export interface CentagateHandlerConfig {
  /** CENTAGATE connection (or a ready client, e.g. with a custom fetch). */
  centagate: CentagateClientOptions | { client: CentagateClient }
  /** Flow-cookie secrets (≥ 32 characters each); the first seals, all are accepted (rotation). */
  cookieSecrets: readonly CookieSecret[]
  /** Step-up receipt HMAC key (≥ 32 characters). Default: derived from the first cookie secret. */
  receiptSecret?: string
  /** Admin account for token enrolment (`tokens/register`). Default: enrolment disabled. */
  admin?: { username: string; password: string }
  /**
   * Show where each method reaches the user in the method choice: the masked SMS phone
   * (`•••• 4567`), the hardware token's last four characters, the app's device name. Learnt with
   * one admin `user/auth/list` per flow, only after the password is checked (or for a step-up);
   * when that fails the flow goes on without them. Needs `admin`. Default: on when `admin` is set.
   */
  methodTargets?: boolean
  /** Mount point. Default `/api/centagate`. */
  basePath?: string
  /** Origins accepted besides the request's own. Default `[]`. */
  allowedOrigins?: readonly string[]
  /** Accept `Sec-Fetch-Site: same-site`. Default false. */
  allowSameSite?: boolean
  /** Proxies in front of the app that append to `X-Forwarded-For`. Default 0 (ignore the header). */
  trustedProxyCount?: number
  /** Allow `login/start` without a password (adaptive, `authResult "true"`). Default false. */
  allowPasswordlessLogin?: boolean
  /** Counter store. Default: in-memory (one process). Use `createRedisStore` for several. */
  store?: RateLimitStore
  /** Limit overrides. Defaults: design.md "Defaults". */
  limits?: Partial<Limits>
  /** Request body cap in bytes. Default 16 384. */
  maxBodyBytes?: number
  /** Step-up receipt lifetime in seconds. Default 300. */
  receiptTtlSeconds?: number
  /**
   * Text shown in the CENTAGATE app for a QR or push login (and on screen next to the push):
   * display text (no control, format, bidi or
   * zero-width characters, no line breaks). Default `Sign in`.
   */
  qrLoginText?: string
  /** The app's logged-in user for step-up (from the app's own session). Default: none (step-up disabled). */
  identify?: (request: Request) => Promise<{ username: string } | null>
  /**
   * Server-side truth of a transaction. Default: none (transaction ids are refused). Its texts
   * (summary, labels, values, `value`) must be display text (`isDisplayText` from protocol): a
   * control, format, bidi or zero-width character or a line break makes `stepup/start` answer
   * 422 `transaction_invalid` naming the fields, before anything is signed or sent.
   */
  getTransaction?: (
    request: Request,
    id: string,
  ) => Promise<{ view: TransactionView; value?: string } | null>
  /** Called once per completed login/step-up; may return JSON for the response's `app` member. */
  onAuthenticated?: (
    event: AuthenticatedEvent,
  ) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void
  /**
   * Receives the audit trail: one typed event per security-relevant outcome (flow started, code
   * sent, verification failed, locked, authenticated, step-up completed, factor changed, flow
   * abandoned) with time, request id, route, method, outcome, client IP and the user's pseudonym,
   * never a code, token or secret. Called after the answer is decided, off its path: a hook that
   * is slow or throws never delays or breaks an answer (its errors are logged, not rethrown).
   * Default: none.
   */
  onAuditEvent?: (event: AuditEvent) => void | Promise<void>
  /**
   * Who may enrol factors for `user`. Default: the identified user for themself. The kit asks for
   * a fresh step-up itself (`factorChangeMaxAgeSeconds`), whatever this answers.
   */
  authorizeEnrolment?: (request: Request, user: { username: string }) => Promise<boolean>
  /**
   * Oldest step-up (seconds since it completed) that allows registering, replacing or removing a
   * factor; older or absent: 401 `step_up_required` (RFC 9470 challenge). The receipt must be a
   * plain step-up (not one signed for a transaction) of the same user, and is used up. Default 300.
   */
  factorChangeMaxAgeSeconds?: number
  /**
   * Called after a factor was registered, replaced or removed, so that the app can tell the user
   * through another channel (e-mail, push). A failure is logged, never answered. Default: none.
   */
  onFactorChanged?: (event: FactorChangedEvent) => Promise<void> | void
  /**
   * How an authenticator app names the key `authenticator/start` provisions (the otpauth URI's
   * issuer and account label), and how long the first code may take. Default: issuer
   * `CENTAGATE`, label the username, 600 seconds.
   */
  authenticator?: AuthenticatorConfig
  /**
   * Lifetime of the device cookie issued after each completed login or step-up, in days: the
   * browser stays a known client of that user (not locked by strangers' failures) this long
   * after its last completed authentication. Default 365.
   */
  deviceCookieMaxAgeDays?: number
  /** Default: silent. */
  logger?: Logger
  /** Clock (epoch ms). Default `Date.now`. */
  now?: () => number
}

const secretText = z.string().min(32, 'must be at least 32 characters')

// Every limit is a finite number >= 0 (0 turns a cooldown off); unknown keys are typos.
const limitsShape = z
  .object(
    Object.fromEntries(
      Object.keys(defaultLimits).map((key) => [key, z.number().min(0).finite().optional()]),
    ),
  )
  .strict()

const configShape = z.object({
  centagate: z.union([
    z.object({ client: z.object({ call: z.function() }).loose() }),
    z
      .object({
        baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
        integrationKey: z.string().min(1, 'is required'),
        secretKey: z.string().min(1, 'is required'),
        timeoutMs: z.number().int().positive().max(60_000).optional(),
        signedOrder: signedOrderConfig.optional(),
      })
      .loose(),
  ]),
  cookieSecrets: z
    .array(z.object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/), secret: secretText }))
    .min(1, 'at least one cookie secret is required'),
  receiptSecret: secretText.optional(),
  admin: z.object({ username: z.string().min(1), password: z.string().min(1) }).optional(),
  methodTargets: z.boolean().optional(),
  basePath: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/, 'must start with / (letters, digits, _ -)')
    .optional(),
  allowedOrigins: z.array(z.url()).optional(),
  trustedProxyCount: z.number().int().min(0).max(10).optional(),
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024)
    .optional(),
  receiptTtlSeconds: z.number().int().min(10).max(3600).optional(),
  limits: limitsShape.optional(),
  factorChangeMaxAgeSeconds: z.number().int().min(10).max(3600).optional(),
  onFactorChanged: z.function().optional(),
  authenticator: z
    .object({
      issuer: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[^:\p{Cc}\p{Cf}]+$/u, 'no ":" and no control or format characters')
        .optional(),
      label: z.function().optional(),
      firstCodeSeconds: z.number().int().min(60).max(3600).optional(),
    })
    .optional(),
  deviceCookieMaxAgeDays: z.number().int().min(1).max(730).optional(),
  onAuditEvent: z.function().optional(),
  qrLoginText: z
    .string()
    .min(1)
    .max(256)
    .regex(
      displayTextPattern,
      'must be display text (no control, format, bidi or zero-width characters, no line breaks)',
    )
    .optional(),
})

/** Validates the configuration; throws {@link ConfigError} naming every problem. */
export function validateHandlerConfig(config: CentagateHandlerConfig): void {
  const result = configShape.safeParse(config)
  if (result.success) return
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      setting: issue.path.map(String).join('.') || '(config)',
      problem: issue.message,
    })),
  )
}
