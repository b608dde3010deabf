/**
 * What the page currently shows that a real phone could see: the QR value / manual code on screen
 * and whose login or step-up it is. The device drawer's "CENTAGATE app" reads the QR from here,
 * as a phone camera would read it off the screen (the e2e journeys decode the pixels instead).
 */
import { useSyncExternalStore } from 'react'

export interface OnScreen {
  /** The user the current login / step-up is for (the drawer's device owner). */
  username?: string | undefined
  qrValue?: string | undefined
  manualCode?: string | undefined
}

let state: OnScreen = {}
const listeners = new Set<() => void>()

export const onScreen = {
  get: (): OnScreen => state,
  set(change: Partial<OnScreen>): void {
    state = { ...state, ...change }
    for (const listener of listeners) listener()
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

export function useOnScreen(): OnScreen {
  return useSyncExternalStore(onScreen.subscribe, onScreen.get, onScreen.get)
}
