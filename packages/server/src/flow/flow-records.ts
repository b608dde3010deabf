/**
 * The flows' records in the store, worked on by one request at a time per flow. CENTAGATE rotates
 * the authToken on `requestQrCode` and on every accepted factor, and refuses the old one after
 * that (23018): two requests of one flow running side by side with the token each read would
 * lose. So a request takes its turn on the flow (a lease in the store, so instances sharing a
 * store take turns too; inside one process the waiters queue locally instead of polling), reads
 * the newest record, makes its upstream call with the newest token, and writes the record back
 * as it frees the flow. A lease lapses after `leaseMs` (a crashed or stalled holder cannot block
 * the flow for longer), and a write after a lapse that someone else took over is refused, so an
 * old holder never overwrites a newer record.
 */
import { randomId } from '../encoding'
import type { RateLimitStore, RecordLease } from '../rate-limit/store'
import type { FlowRecord } from './flow-state'

export interface FlowRecordsOptions {
  /** Longest one request holds a flow (upstream timeout plus a margin); then the lease lapses. */
  leaseMs: number
  /** Longest a request waits for its turn on a busy flow. */
  maxWaitMs: number
  /** The kit's clock (epoch ms), for the records' lifetimes. */
  now: () => number
}

/** A flow this request holds: its record as read when the turn began. */
export interface HeldFlow {
  readonly record: FlowRecord
  /** Writes the record now and keeps the turn (a checkpoint). `false`: the lease was lost. */
  save(record: FlowRecord): Promise<boolean>
  /**
   * Ends the turn: writes `next` (`null` ends the flow; absent leaves the record as it is).
   * `false`: the lease was lost (the flow was ended meanwhile, or a lapse was taken over) and
   * nothing was written. Only the first call counts.
   */
  release(next?: FlowRecord | null): Promise<boolean>
}

export type FlowTurn =
  /** This request holds the flow. */
  | { state: 'held'; flow: HeldFlow }
  /** The flow has no record: it ended, expired, or never started. */
  | { state: 'absent' }
  /** Another request holds the flow (and `wait` was false, or the wait ran out). */
  | { state: 'busy'; record: FlowRecord }

const recordKey = (fid: string) => `flow:${fid}`
const completionKey = (fid: string) => `flow-done:${fid}`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A record as the kit wrote it, or `null` (treated as no flow). */
function parseRecord(value: string): FlowRecord | null {
  try {
    const record = JSON.parse(value) as Partial<FlowRecord> | null
    if (
      typeof record !== 'object' ||
      record === null ||
      typeof record.authToken !== 'string' ||
      !Array.isArray(record.methods)
    ) {
      return null
    }
    return record as FlowRecord
  } catch {
    return null
  }
}

export type FlowRecords = ReturnType<typeof createFlowRecords>

export function createFlowRecords(store: RateLimitStore, options: FlowRecordsOptions) {
  const { leaseMs, maxWaitMs, now } = options
  /** Per flow, the end of the last local turn in line: local waiters queue instead of polling. */
  const localTurns = new Map<string, Promise<void>>()
  const lifetime = (expiresAt: number) => Math.max(1, expiresAt - now())
  // Holder ids: unique across instances (a random prefix) and cheap per request (a counter).
  const instance = randomId(9)
  let turns = 0

  /** Queues behind this process's earlier turns on `key` (at most until `deadline`). */
  async function localTurn(key: string, deadline: number): Promise<() => void> {
    const previous = localTurns.get(key)
    let done!: () => void
    const mine = new Promise<void>((resolve) => {
      done = resolve
    })
    // The next in line waits for the previous turn AND this one, so leaving early breaks nothing.
    const tail = previous === undefined ? mine : previous.then(() => mine)
    localTurns.set(key, tail)
    let ended = false
    const end = () => {
      if (ended) return
      ended = true
      done()
      if (localTurns.get(key) === tail) localTurns.delete(key)
    }
    if (previous !== undefined) {
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([
        previous,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))
        }),
      ])
      clearTimeout(timer)
    }
    return end
  }

  function held(
    key: string,
    holder: string,
    record: FlowRecord,
    expiresAt: number,
    end: () => void,
  ) {
    let released: Promise<boolean> | undefined
    const flow: HeldFlow = {
      record,
      save: (next) =>
        store.settleRecord(key, holder, {
          value: JSON.stringify(next),
          ttlMs: lifetime(expiresAt),
          keepLease: true,
        }),
      release(next) {
        released ??= store
          .settleRecord(key, holder, {
            ...(next === undefined ? {} : { value: next === null ? null : JSON.stringify(next) }),
            ttlMs: lifetime(expiresAt),
          })
          .finally(end)
        return released
      },
    }
    return flow
  }

  function turnFrom(
    found: RecordLease,
    key: string,
    holder: string,
    expiresAt: number,
    end: () => void,
  ): FlowTurn {
    const record = found.state === 'absent' ? null : parseRecord(found.value)
    if (record === null) {
      end()
      return { state: 'absent' }
    }
    if (found.state === 'busy') {
      end()
      return { state: 'busy', record }
    }
    return { state: 'held', flow: held(key, holder, record, expiresAt, end) }
  }

  return {
    /** Writes the record of a flow that starts now (its id is new: nobody else knows it). */
    create(fid: string, record: FlowRecord, expiresAt: number): Promise<void> {
      return store.putRecord(recordKey(fid), JSON.stringify(record), lifetime(expiresAt))
    },

    /**
     * Takes this request's turn on the flow. With `wait`, waits while another request holds it
     * (at most `maxWaitMs`, then `busy`); without, answers `busy` at once.
     */
    async take(fid: string, expiresAt: number, { wait }: { wait: boolean }): Promise<FlowTurn> {
      const key = recordKey(fid)
      const holder = `${instance}.${(turns++).toString(36)}`
      if (!wait) {
        return turnFrom(
          await store.leaseRecord(key, holder, leaseMs),
          key,
          holder,
          expiresAt,
          () => {},
        )
      }
      const deadline = Date.now() + maxWaitMs
      const end = await localTurn(key, deadline)
      try {
        // Another instance (or a request that did not queue) may hold the lease: poll politely.
        for (let pause = 2; ; pause = Math.min(pause * 2, 25)) {
          const found = await store.leaseRecord(key, holder, leaseMs)
          const left = deadline - Date.now()
          if (found.state !== 'busy' || left <= 0)
            return turnFrom(found, key, holder, expiresAt, end)
          await sleep(Math.min(pause, found.retryInMs + 1, left))
        }
      } catch (error) {
        end()
        throw error
      }
    },

    /** Ends a flow whoever holds it (cancel): its record is deleted. */
    end(fid: string): Promise<void> {
      return store.deleteRecord(recordKey(fid))
    },

    /**
     * Claims the one `authenticated` answer of a flow: `false` when another request gave it
     * already. Independent of the lease, so even a lapsed holder cannot answer it twice.
     */
    claimCompletion(fid: string, expiresAt: number): Promise<boolean> {
      return store.claim(completionKey(fid), lifetime(expiresAt))
    },

    /** Gives the claim back when answering failed, so that a later request can answer. */
    unclaimCompletion(fid: string): Promise<void> {
      return store.reset(completionKey(fid))
    },
  }
}
