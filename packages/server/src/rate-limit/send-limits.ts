/**
 * Send limits: how often a route that makes CENTAGATE send something or open something (an SMS, a
 * CR challenge, a QR code, a push, an app-code window, a step-up, a factor change) may be used per user and per client
 * address in an hour, and how many SMS the whole deployment may send in an hour (SMS pumping /
 * toll fraud). Fixed one-hour windows in the store (Redis across instances); every attempt that
 * passes is counted BEFORE the upstream call, so concurrent requests cannot overshoot.
 */
import type { Limits } from './limits'
import type { RateLimitStore } from './store'

/** The routes with a send budget (issue 15's factor routes use `factor` too). */
export type SendKind = 'sms' | 'challenge' | 'qr' | 'push' | 'app_otp' | 'stepup' | 'factor'

type CountKey = {
  [K in keyof Limits]: Limits[K] extends number ? K : never
}[keyof Limits]

interface SendBudget {
  /** Per user and hour; absent where another limit already holds it (SMS: `reserveSms`). */
  perUser?: CountKey
  perIp: CountKey
  /** Per deployment and hour. */
  global?: CountKey
}

/** Which limit keys bound each kind of send (the README's defaults table lists them). */
export const sendBudgets: Readonly<Record<SendKind, SendBudget>> = {
  sms: { perIp: 'smsPerIpPerHour', global: 'smsGlobalPerHour' },
  challenge: { perUser: 'challengeSendsPerHour', perIp: 'challengeSendsPerIpPerHour' },
  qr: { perUser: 'qrSendsPerHour', perIp: 'qrSendsPerIpPerHour' },
  push: { perUser: 'pushSendsPerHour', perIp: 'pushSendsPerIpPerHour' },
  app_otp: { perUser: 'appOtpStartsPerHour', perIp: 'appOtpStartsPerIpPerHour' },
  stepup: { perUser: 'stepUpStartsPerHour', perIp: 'stepUpStartsPerIpPerHour' },
  factor: { perUser: 'factorChangesPerHour', perIp: 'factorChangesPerIpPerHour' },
}

const hourMs = 60 * 60_000

export class SendLimits {
  constructor(
    private readonly store: RateLimitStore,
    private readonly limits: Limits,
  ) {}

  /**
   * Counts one send of `kind` for `username` from `ipKey` (null: address unknown, no per-IP
   * bucket). Checked address first, then user, then the deployment, and a refused request is not
   * counted further on: a flood from one address never spends a user's or everyone's budget.
   */
  /** The buckets of `kind` for `username` from `ipKey`, in the order they are checked. */
  private buckets(kind: SendKind, username: string, ipKey: string | null) {
    const budget = sendBudgets[kind]
    const buckets: ['ip' | 'user' | 'global', string, number][] = []
    if (ipKey !== null) buckets.push(['ip', `send:${kind}:ip:${ipKey}`, this.limits[budget.perIp]])
    if (budget.perUser !== undefined)
      buckets.push([
        'user',
        `send:${kind}:user:${username.toLowerCase()}`,
        this.limits[budget.perUser],
      ])
    if (budget.global !== undefined)
      buckets.push(['global', `send:${kind}:global`, this.limits[budget.global]])
    return buckets
  }

  /** Undoes a successful {@link take} (nothing was sent after all). */
  async giveBack(kind: SendKind, username: string, ipKey: string | null): Promise<void> {
    for (const [, key] of this.buckets(kind, username, ipKey)) await this.store.decrement(key)
  }

  async take(
    kind: SendKind,
    username: string,
    ipKey: string | null,
  ): Promise<{ ok: true } | { ok: false; retryAt: number; scope: 'ip' | 'user' | 'global' }> {
    const buckets = this.buckets(kind, username, ipKey)
    for (const [scope, key, max] of buckets) {
      const counter = await this.store.increment(key, hourMs)
      if (counter.count > max) return { ok: false, retryAt: counter.resetAt, scope }
    }
    return { ok: true }
  }
}
