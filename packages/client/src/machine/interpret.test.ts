// The generic interpreter on a toy table: queueing, snapshots, effects and their cancellation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitClientError } from '../kit-client-error'
import { interpret } from './interpret'
import type { Effects, TransitionInfo, TransitionTable } from './machine-types'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

type State = 'idle' | 'loading' | 'done' | 'failed'
type Event =
  | { type: 'LOAD'; secret: string }
  | { type: 'TICK' }
  | { type: 'NOTHING' }
  | { type: 'LOADED'; value: string }
  | { type: 'FAILED'; error: KitClientError }
interface Context {
  value?: string | undefined
  error?: KitClientError | undefined
  secret?: string | undefined
  ticks?: number | undefined
}
interface Env extends Effects<Event> {
  load: (signal: AbortSignal) => Promise<string>
}

const table: TransitionTable<State, Event, Context, Env> = {
  idle: {
    LOAD: [
      {
        target: 'loading',
        actions: [
          (context, event) => {
            if (event.type === 'LOAD') context.secret = event.secret
          },
          (_, __, env) =>
            env.run(
              env.load,
              (value) => ({ type: 'LOADED', value }),
              (error) => ({ type: 'FAILED', error }),
            ),
          (_, __, env) => env.after(1_000, { type: 'TICK' }),
        ],
      },
    ],
    NOTHING: [{}],
  },
  loading: {
    LOADED: [
      {
        target: 'done',
        actions: [
          (context, event) => {
            if (event.type === 'LOADED') context.value = event.value
          },
        ],
      },
    ],
    FAILED: [
      {
        target: 'failed',
        actions: [
          (context, event) => {
            if (event.type === 'FAILED') context.error = event.error
          },
        ],
      },
    ],
    TICK: [{ actions: [(context) => (context.ticks = (context.ticks ?? 0) + 1)] }],
    NOTHING: [{ actions: [(_, __, env) => env.cancel()] }],
  },
  done: {},
  failed: {},
}

function start(load: Env['load'] = async () => 'ok') {
  const transitions: TransitionInfo[] = []
  const machine = interpret<State, Event, Context, Env, { state: State } & Context>(
    {
      name: 'toy',
      table,
      initial: 'idle',
      context: {},
      hidden: ['secret'],
      onTransition: (info) => transitions.push(info),
    },
    { load },
  )
  return { machine, transitions }
}

describe('interpret', () => {
  it('shows { state, ...context } without hidden keys, frozen', async () => {
    const { machine } = start()
    expect(machine.getSnapshot()).toEqual({ state: 'idle' })
    machine.send({ type: 'LOAD', secret: '918273' })
    expect(machine.getSnapshot()).toEqual({ state: 'loading' })
    await vi.advanceTimersByTimeAsync(0)
    expect(machine.getSnapshot()).toEqual({ state: 'done', value: 'ok' })
    expect(Object.isFrozen(machine.getSnapshot())).toBe(true)
  })

  it('keeps the same snapshot object and notifies no one when nothing shown changed', () => {
    const { machine } = start()
    const before = machine.getSnapshot()
    const listener = vi.fn()
    machine.subscribe(listener)
    machine.send({ type: 'NOTHING' }) // an entry taken that changes nothing
    machine.send({ type: 'TICK' }) // no entry in this state
    expect(machine.getSnapshot()).toBe(before)
    expect(listener).not.toHaveBeenCalled()
  })

  it('reports every transition taken, with the entry index and never a payload', async () => {
    const { machine, transitions } = start()
    machine.send({ type: 'NOTHING' })
    machine.send({ type: 'LOAD', secret: '918273' })
    await vi.advanceTimersByTimeAsync(0)
    expect(transitions).toEqual([
      { machine: 'toy', from: 'idle', to: 'idle', event: 'NOTHING', index: 0 },
      { machine: 'toy', from: 'idle', to: 'loading', event: 'LOAD', index: 0 },
      { machine: 'toy', from: 'loading', to: 'done', event: 'LOADED', index: 0 },
    ])
    expect(JSON.stringify(transitions)).not.toContain('918273')
  })

  it('queues events sent by listeners: one transition at a time, one notification per batch', async () => {
    let resolve: (value: string) => void = () => {}
    const { machine } = start(() => new Promise((r) => (resolve = r)))
    const seen: string[] = []
    machine.subscribe(() => {
      seen.push(machine.getSnapshot().state)
      if (machine.getSnapshot().state === 'loading') machine.send({ type: 'NOTHING' })
    })
    machine.send({ type: 'LOAD', secret: 's' })
    resolve('late')
    await vi.advanceTimersByTimeAsync(0)
    // NOTHING in `loading` cancelled the load: its answer never arrived.
    expect(seen).toEqual(['loading'])
    expect(machine.getSnapshot().state).toBe('loading')
  })

  it('a request that throws something else fails with bad_response', async () => {
    const { machine } = start(async () => {
      throw new TypeError('boom')
    })
    machine.send({ type: 'LOAD', secret: 's' })
    await vi.advanceTimersByTimeAsync(0)
    expect(machine.getSnapshot()).toMatchObject({
      state: 'failed',
      error: { code: 'bad_response' },
    })
  })

  it('cancel() aborts the request in flight and clears the timers started before it', async () => {
    let signal: AbortSignal | undefined
    const { machine } = start((s) => {
      signal = s
      return new Promise(() => {})
    })
    machine.send({ type: 'LOAD', secret: 's' })
    await vi.advanceTimersByTimeAsync(0)
    expect(signal?.aborted).toBe(false)
    machine.send({ type: 'NOTHING' })
    expect(signal?.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(machine.getSnapshot().ticks).toBeUndefined()
  })

  it('timers send their event', async () => {
    const { machine } = start(() => new Promise(() => {}))
    machine.send({ type: 'LOAD', secret: 's' })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(machine.getSnapshot().ticks).toBe(1)
  })

  it('dispose() aborts requests, clears timers and silences listeners', async () => {
    let signal: AbortSignal | undefined
    const { machine } = start((s) => {
      signal = s
      return new Promise(() => {})
    })
    const listener = vi.fn()
    machine.send({ type: 'LOAD', secret: 's' })
    await vi.advanceTimersByTimeAsync(0)
    machine.subscribe(listener)
    machine.dispose()
    expect(signal?.aborted).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    machine.send({ type: 'NOTHING' })
    expect(listener).not.toHaveBeenCalled()
  })
})
