/** Focuses an element after the current render commits (the element may just have mounted). */
export function focusSoon(getElement: () => HTMLElement | null | undefined): void {
  queueMicrotask(() => {
    const element = getElement()
    if (element && element.ownerDocument.activeElement !== element) element.focus()
  })
}
