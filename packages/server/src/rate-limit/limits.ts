/**
 * The attempt and send limits of design.md "Defaults", enforced against a {@link RateLimitStore}.
 * Keys are per challenge, per user (lower-cased so case variants share one budget) and per client
 * IP. A resend or a new challenge never resets a failure counter; only a success resets the
 * user's consecutive-failure count.
 */
import type { RateLimitStore } from './store'

export interface Limits {
  /** Wrong codes per challenge/code before a new one is needed. Default 5. */
  challengeMaxFailures: number
  /** Consecutive failures per user before a lock. Default 10. */
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
  /** Failures per client IP in `ipWindowMs`. Default 100. */
  ipMaxFailures: number
  /** Default 24 h. */
  ipWindowMs: number
  /** Time between two SMS sends for one user. Default 60 s. */
  smsCooldownMs: number
  /** SMS sends per user per hour. Default 5. */
  smsPerHour: number
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
  challengeTtlMs: 300_000,
  qrMaxWaitMs: 600_000,
  qrMinPollIntervalMs: 1_000,
  flowTtlMs: 600_000,
}

const hourMs = 60 * 60_000

/** The client IP when the adapter knows no address. */
export const unknownIp = 'unknown'

export type LimitRefusal =
  | { code: 'locked'; lockedUntil: number }
  | { code: 'rate_limited'; retryAt: number }
  | { code: 'challenge_locked' }

export class Limiter {
  constructor(
    private readonly store: RateLimitStore,
    readonly limits: Limits,
  ) {}

  private userKey(username: string) {
    return username.toLowerCase()
  }

  /** Refuses when the user is locked or the IP has used its failure budget. */
  async checkActor(username: string | undefined, ip: string): Promise<LimitRefusal | null> {
    if (username !== undefined) {
      const lock = await this.store.get(`lock:user:${this.userKey(username)}`)
      if (lock !== null) return { code: 'locked', lockedUntil: lock.resetAt }
    }
    // Without a known address (e.g. Next.js without a trusted proxy) there is no per-IP bucket:
    // one shared "unknown" bucket would let anyone lock everyone out.
    if (ip === unknownIp) return null
    const ipFailures = await this.store.get(`fail:ip:${ip}`)
    if (ipFailures !== null && ipFailures.count >= this.limits.ipMaxFailures) {
      return { code: 'rate_limited', retryAt: ipFailures.resetAt }
    }
    return null
  }

  /** Wrong codes still allowed for a challenge. */
  async attemptsLeft(challengeId: string): Promise<number> {
    const failures = await this.store.get(`fail:challenge:${challengeId}`)
    return Math.max(0, this.limits.challengeMaxFailures - (failures?.count ?? 0))
  }

  /**
   * Counts one failed attempt everywhere it counts. Returns what is left for the challenge and the
   * lock end when this failure locked the user.
   */
  async recordFailure(input: {
    username: string
    ip: string
    challengeId?: string
  }): Promise<{ attemptsLeft?: number; lockedUntil?: number }> {
    const result: { attemptsLeft?: number; lockedUntil?: number } = {}
    if (input.challengeId !== undefined) {
      const challenge = await this.store.increment(
        `fail:challenge:${input.challengeId}`,
        this.limits.flowTtlMs,
      )
      result.attemptsLeft = Math.max(0, this.limits.challengeMaxFailures - challenge.count)
    }
    if (input.ip !== unknownIp)
      await this.store.increment(`fail:ip:${input.ip}`, this.limits.ipWindowMs)
    const user = this.userKey(input.username)
    const failures = await this.store.increment(
      `fail:user:${user}`,
      this.limits.userFailureWindowMs,
    )
    if (failures.count >= this.limits.userMaxFailures) {
      // Locks in a row double (15 min, 30 min, 1 h, ...) and the consecutive failures they allow
      // are capped: waiting out lock after lock never buys more than the ceiling of guesses.
      const locks = await this.store.increment(`locks:user:${user}`, this.limits.userLockHistoryMs)
      const ceilingReached =
        locks.count * this.limits.userMaxFailures >= this.limits.userMaxConsecutiveFailures
      const lockMs = ceilingReached
        ? this.limits.userLockHistoryMs
        : Math.min(this.limits.userLockMs * 2 ** (locks.count - 1), this.limits.userMaxLockMs)
      await this.store.claim(`lock:user:${user}`, lockMs)
      await this.store.reset(`fail:user:${user}`)
      const lock = await this.store.get(`lock:user:${user}`)
      result.lockedUntil = lock?.resetAt ?? Date.now() + lockMs
    }
    return result
  }

  /** A success resets the user's consecutive-failure count and forgets earlier locks. */
  async recordSuccess(username: string): Promise<void> {
    const user = this.userKey(username)
    await this.store.reset(`fail:user:${user}`)
    await this.store.reset(`locks:user:${user}`)
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
}
