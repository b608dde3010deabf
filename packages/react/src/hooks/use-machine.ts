import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { KitClient, Machine } from '@centagate-kit/client'
import { useKitClient } from '../provider/kit-client-context'

/** A machine bound to React: its snapshot (re-rendering on change) and `send`. */
export interface BoundMachine<Snapshot, Event> {
  snapshot: Snapshot
  send: (event: Event) => void
  machine: Machine<Snapshot, Event>
}

/**
 * Binds a client machine to React with `useSyncExternalStore`: `given` when the app passes one
 * (controlled: the app owns and disposes it), else one made by `create` with the provider's
 * client, once per component, disposed on unmount (its requests, timers and polling stop).
 */
export function useMachine<Snapshot, Event>(
  given: Machine<Snapshot, Event> | undefined,
  create: (client: KitClient) => Machine<Snapshot, Event>,
): BoundMachine<Snapshot, Event> {
  const client = useKitClient()
  const [own] = useState(() => (given ? null : create(client)))
  const machine = (given ?? own)!
  // Disposal is deferred one task so StrictMode's mount-unmount-mount keeps the machine alive.
  const disposeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    if (!own) return
    clearTimeout(disposeTimer.current)
    return () => {
      disposeTimer.current = setTimeout(() => own.dispose(), 0)
    }
  }, [own])
  // The interpreter's functions are stable closures: no wrapping needed.
  const snapshot = useSyncExternalStore(machine.subscribe, machine.getSnapshot, machine.getSnapshot)
  return { snapshot, send: machine.send, machine }
}
