/**
 * The attempt and send limits of design.md "Defaults", enforced against a {@link RateLimitStore}.
 * Keys are per challenge, per user (lower-cased so case variants share one budget), per client
 * class (`lockout.ts`) and per client address (`ip-key.ts`: IPv6 by /64). A resend or a new
 * challenge never resets a failure counter; only a success resets a consecutive-failure count.
 * Send budgets per user, address and deployment are in `send-limits.ts`.
 */
import { Lockout } from './lockout'
import { SendLimits } from './send-limits'
import type { RateLimitStore } from './store'

export interface Limits {
  /** Wrong codes per challenge/code before a new one is needed. Default 5. */
  challengeMaxFailures: number
  /**
   * Consecutive failures per user and client class (unknown clients; each browser holding the
   * user's device cookie) before that class is locked. Default 10.
   */
  userMaxFailures: number
  /** First lock duration after `userMaxFailures`; each further lock in a row doubles it. Default 15 min. */
  userLockMs: number
  /** Longest doubled lock. Default 24 h. */
  userMaxLockMs: number
  /**
   * Ceiling on consecutive failures (NIST SP 800-63B-4 3.2.2: at most 100): once the locks in a row
   * reach it, the user stays locked for `userLockHistoryMs` (an operator may reset sooner). Default 100.
   */
  userMaxConsecutiveFailures: number
  /** How long locks in a row are remembered (a success forgets them). Default 30 days. */
  userLockHistoryMs: number
  /** Window of the consecutive-failure counter. Default 24 h. */
  userFailureWindowMs: number
  /** Failures of unknown clients per client address (IPv6: per /64) in `ipWindowMs`. Default 100. */
  ipMaxFailures: number
  /** Default 24 h. */
  ipWindowMs: number
  /** Time between two SMS sends for one user. Default 60 s. */
  smsCooldownMs: number
  /** SMS sends per user per hour. Default 5. */
  smsPerHour: number
  /** `sms/send` per client address (IPv6: per /64) per hour. Default 30. */
  smsPerIpPerHour: number
  /** SMS sends of the whole deployment per hour (SMS pumping / toll fraud). Default 1000. */
  smsGlobalPerHour: number
  /** `challenge/send` per user per hour. Default 10. */
  challengeSendsPerHour: number
  /** `challenge/send` per client address per hour. Default 100. */
  challengeSendsPerIpPerHour: number
  /** `qr/send` per user per hour. Default 10. */
  qrSendsPerHour: number
  /** `qr/send` per client address per hour. Default 100. */
  qrSendsPerIpPerHour: number
  /** `push/send` per user per hour (push fatigue: a user is not flooded). Default 10. */
  pushSendsPerHour: number
  /** `push/send` per client address per hour. Default 100. */
  pushSendsPerIpPerHour: number
  /** `app-otp/start` per user per hour (each opens a window of wrong-code attempts). Default 10. */
  appOtpStartsPerHour: number
  /** `app-otp/start` per client address per hour. Default 100. */
  appOtpStartsPerIpPerHour: number
  /** `stepup/start` per user per hour. Default 20. */
  stepUpStartsPerHour: number
  /** `stepup/start` per client address per hour. Default 200. */
  stepUpStartsPerIpPerHour: number
  /**
   * Factor changes (`tokens/register`, and the factor routes to come) per user per hour, refused
   * ones included (a change asked without a fresh step-up counts too). Default 10.
   */
  factorChangesPerHour: number
  /** Factor changes per client address per hour. Default 30. */
  factorChangesPerIpPerHour: number
  /** Lifetime of a challenge or QR code when CENTAGATE does not say (never over 10 min). Default 300 s. */
  challengeTtlMs: number
  /** QR polling stops this long after the QR was issued. Default 10 min. */
  qrMaxWaitMs: number
  /** At most one upstream `statecheck` per flow per this interval. Default 1 s. */
  qrMinPollIntervalMs: number
  /** Lifetime of a flow (and its cookie). Default 10 min. */
  flowTtlMs: number
}

export const defaultLimits: Limits = {
  challengeMaxFailures: 5,
  userMaxFailures: 10,
  userLockMs: 15 * 60_000,
  userMaxLockMs: 24 * 60 * 60_000,
  userMaxConsecutiveFailures: 100,
  userLockHistoryMs: 30 * 24 * 60 * 60_000,
  userFailureWindowMs: 24 * 60 * 60_000,
  ipMaxFailures: 100,
  ipWindowMs: 24 * 60 * 60_000,
  smsCooldownMs: 60_000,
  smsPerHour: 5,
  smsPerIpPerHour: 30,
  smsGlobalPerHour: 1000,
  challengeSendsPerHour: 10,
  challengeSendsPerIpPerHour: 100,
  qrSendsPerHour: 10,
  qrSendsPerIpPerHour: 100,
  pushSendsPerHour: 10,
  pushSendsPerIpPerHour: 100,
  appOtpStartsPerHour: 10,
  appOtpStartsPerIpPerHour: 100,
  stepUpStartsPerHour: 20,
  stepUpStartsPerIpPerHour: 200,
  factorChangesPerHour: 10,
  factorChangesPerIpPerHour: 30,
  challengeTtlMs: 300_000,
  qrMaxWaitMs: 600_000,
  qrMinPollIntervalMs: 1_000,
  flowTtlMs: 600_000,
}

const hourMs = 60 * 60_000

/** The client IP when the adapter knows no address. */
export const unknownIp = 'unknown'

export class Limiter {
  /** Lockouts per user and client class. */
  readonly lockout: Lockout
  /** Send budgets per user, address and deployment. */
  readonly sends: SendLimits

  constructor(
    /** The store itself, for markers of their own (pending authenticators). */
    readonly store: RateLimitStore,
    readonly limits: Limits,
  ) {
    this.lockout = new Lockout(store, limits)
    this.sends = new SendLimits(store, limits)
  }

  private userKey(username: string) {
    return username.toLowerCase()
  }

  /** Wrong codes still allowed for a challenge. */
  async attemptsLeft(challengeId: string): Promise<number> {
    const failures = await this.store.get(`fail:challenge:${challengeId}`)
    return Math.max(0, this.limits.challengeMaxFailures - (failures?.count ?? 0))
  }

  /** Counts one wrong code for a challenge; what is left for it. */
  async recordChallengeFailure(challengeId: string): Promise<number> {
    const challenge = await this.store.increment(
      `fail:challenge:${challengeId}`,
      this.limits.flowTtlMs,
    )
    return Math.max(0, this.limits.challengeMaxFailures - challenge.count)
  }

  /**
   * Reserves one SMS send for the user, BEFORE calling CENTAGATE, so that a double click never
   * sends two. Refuses during the cooldown or past the hourly quota.
   */
  async reserveSms(
    username: string,
  ): Promise<
    { ok: true; resendAvailableAt: number; sendsLeft: number } | { ok: false; retryAt: number }
  > {
    const user = this.userKey(username)
    const cooldownKey = `sms:cooldown:${user}`
    if (!(await this.store.claim(cooldownKey, this.limits.smsCooldownMs))) {
      const cooldown = await this.store.get(cooldownKey)
      return { ok: false, retryAt: cooldown?.resetAt ?? Date.now() + this.limits.smsCooldownMs }
    }
    const cooldown = await this.store.get(cooldownKey)
    const hour = await this.store.increment(`sms:hour:${user}`, hourMs)
    if (hour.count > this.limits.smsPerHour) return { ok: false, retryAt: hour.resetAt }
    return {
      ok: true,
      resendAvailableAt: cooldown?.resetAt ?? Date.now() + this.limits.smsCooldownMs,
      sendsLeft: Math.max(0, this.limits.smsPerHour - hour.count),
    }
  }

  /**
   * Gives back a reservation CENTAGATE refused (no SMS went out): the hourly quota always, the
   * cooldown unless CENTAGATE itself asked to wait (`keepCooldown`). A transport failure is not a
   * refusal (the SMS may have gone out) and keeps the reservation.
   */
  async releaseSms(username: string, { keepCooldown }: { keepCooldown: boolean }): Promise<void> {
    const user = this.userKey(username)
    await this.store.decrement(`sms:hour:${user}`)
    if (!keepCooldown) await this.store.reset(`sms:cooldown:${user}`)
  }

  /** Marks a receipt id as used; `false` when it already was. */
  consumeReceipt(jti: string, ttlMs: number): Promise<boolean> {
    return this.store.claim(`used:receipt:${jti}`, Math.max(1, ttlMs))
  }

  /** Makes a consumed receipt usable again (what it was used for did not happen). */
  releaseReceipt(jti: string): Promise<void> {
    return this.store.reset(`used:receipt:${jti}`)
  }
}
