/**
 * Whether the page is hidden, as an injectable source: polling pauses while the tab is in the
 * background, and tests drive it without a DOM.
 */

export interface VisibilitySource {
  isHidden(): boolean
  /** Calls `listener` when visibility changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

/** Page visibility from `document.visibilityState`; always visible where there is no document. */
export function documentVisibility(): VisibilitySource {
  // Looked up on call, never at import: SSR-safe.
  const doc = typeof document === 'undefined' ? undefined : document
  return {
    isHidden: () => doc?.visibilityState === 'hidden',
    subscribe(listener) {
      if (!doc) return () => {}
      doc.addEventListener('visibilitychange', listener)
      return () => doc.removeEventListener('visibilitychange', listener)
    },
  }
}

/** A visibility source you flip by hand (tests, Storybook). */
export function createManualVisibility(hidden = false): VisibilitySource & {
  setHidden(hidden: boolean): void
} {
  const listeners = new Set<() => void>()
  let isHidden = hidden
  return {
    isHidden: () => isHidden,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setHidden(next) {
      if (next === isHidden) return
      isHidden = next
      for (const listener of [...listeners]) listener()
    },
  }
}
