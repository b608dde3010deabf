/**
 * Lockouts per client class (OWASP device cookies), so that a stranger cannot lock a user out of
 * the browsers they already use:
 *
 * - each user has one counter and lock for UNKNOWN clients (no valid device cookie of that user),
 *   and one per KNOWN browser (a device cookie the kit issued to that user after a completed
 *   login or step-up);
 * - a failure counts only in the class of the client that made it; a success resets only that
 *   class (a success on a known browser does not unlock strangers, and vice versa);
 * - `userMaxFailures` consecutive failures lock the class for `userLockMs`; each further lock in a
 *   row doubles, up to `userMaxLockMs`; once locks in a row add up to `userMaxConsecutiveFailures`
 *   (NIST SP 800-63B-4: at most 100) the class stays locked for `userLockHistoryMs`;
 * - the per-IP failure budget counts and refuses unknown clients only (a known browser's failures
 *   are bounded by its own class, and a stranger sharing its address cannot block it).
 */
import type { Limits } from './limits'
import type { RateLimitStore } from './store'

/** Who is failing: a browser the user completed a login on (by device id), or anyone else. */
export type ClientClass = { kind: 'known'; deviceId: string } | { kind: 'unknown' }

export type LockoutRefusal =
  { code: 'locked'; lockedUntil: number } | { code: 'rate_limited'; retryAt: number }

const classKey = (client: ClientClass) =>
  client.kind === 'known' ? `device:${client.deviceId}` : 'unknown'

export class Lockout {
  constructor(
    private readonly store: RateLimitStore,
    private readonly limits: Limits,
  ) {}

  private keys(username: string, client: ClientClass) {
    const scope = `${username.toLowerCase()}:${classKey(client)}`
    return {
      failures: `fail:user:${scope}`,
      locks: `locks:user:${scope}`,
      lock: `lock:user:${scope}`,
    }
  }

  /**
   * Refuses when the user is locked for this client's class, or (unknown clients) when the
   * address has used its failure budget. `ipKey` null: no known address, no per-IP bucket (one
   * shared bucket would let anyone lock everyone out).
   */
  async check(
    username: string | undefined,
    client: ClientClass,
    ipKey: string | null,
  ): Promise<LockoutRefusal | null> {
    if (username !== undefined) {
      const lock = await this.store.get(this.keys(username, client).lock)
      if (lock !== null) return { code: 'locked', lockedUntil: lock.resetAt }
    }
    if (ipKey === null || client.kind === 'known') return null
    const ipFailures = await this.store.get(`fail:ip:${ipKey}`)
    if (ipFailures !== null && ipFailures.count >= this.limits.ipMaxFailures) {
      return { code: 'rate_limited', retryAt: ipFailures.resetAt }
    }
    return null
  }

  /** Counts one failure in the client's class (and the address's budget); the lock end if it locked. */
  async recordFailure(
    username: string,
    client: ClientClass,
    ipKey: string | null,
  ): Promise<{ lockedUntil?: number }> {
    if (ipKey !== null && client.kind === 'unknown')
      await this.store.increment(`fail:ip:${ipKey}`, this.limits.ipWindowMs)
    const keys = this.keys(username, client)
    const failures = await this.store.increment(keys.failures, this.limits.userFailureWindowMs)
    if (failures.count < this.limits.userMaxFailures) return {}
    // Locks in a row double (15 min, 30 min, 1 h, ...) and the consecutive failures they allow
    // are capped: waiting out lock after lock never buys more than the ceiling of guesses.
    const locks = await this.store.increment(keys.locks, this.limits.userLockHistoryMs)
    const ceilingReached =
      locks.count * this.limits.userMaxFailures >= this.limits.userMaxConsecutiveFailures
    const lockMs = ceilingReached
      ? this.limits.userLockHistoryMs
      : Math.min(this.limits.userLockMs * 2 ** (locks.count - 1), this.limits.userMaxLockMs)
    await this.store.claim(keys.lock, lockMs)
    await this.store.reset(keys.failures)
    const lock = await this.store.get(keys.lock)
    return { lockedUntil: lock?.resetAt ?? Date.now() + lockMs }
  }

  /** A success resets the class's consecutive failures and forgets its earlier locks. */
  async recordSuccess(username: string, client: ClientClass): Promise<void> {
    const keys = this.keys(username, client)
    await this.store.reset(keys.failures)
    await this.store.reset(keys.locks)
  }
}
