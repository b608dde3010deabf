/** A four-route history router: enough for the demo, no dependency. */
import { useSyncExternalStore } from 'react'

export const routes = ['/', '/accounts', '/transfer', '/settings'] as const
export type Route = (typeof routes)[number]

const listeners = new Set<() => void>()

function currentRoute(): Route {
  const path = window.location.pathname
  return (routes as readonly string[]).includes(path) ? (path as Route) : '/'
}

export function navigate(route: Route): void {
  if (window.location.pathname !== route) window.history.pushState(null, '', route)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute, () => '/' as Route)
}
