import type { ComponentProps, CSSProperties } from 'react'

// Inline styles are applied through the CSSOM by React, so they work under a strict CSP.
const hidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
}

/** Text for assistive technology only. */
export function VisuallyHidden({ style, ...props }: ComponentProps<'span'>) {
  return <span {...props} style={{ ...hidden, ...style }} />
}
