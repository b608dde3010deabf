import { useEffect, useRef, type ComponentProps } from 'react'
import type { headingParts } from './shared-anatomy'

const titlePart: (typeof headingParts)[number] = 'title'

export interface StepHeadingProps extends ComponentProps<'h2'> {
  scope: string
  /** Moves focus to the heading when it mounts (a step opening). @default false */
  focusOnMount?: boolean
}

/** A step's heading: focusable (`tabIndex=-1`) so focus can land on a newly opened step. */
export function StepHeading({ scope, focusOnMount = false, children, ...props }: StepHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusOnMount) ref.current?.focus()
  }, [focusOnMount])
  return (
    <h2 ref={ref} data-scope={scope} data-part={titlePart} tabIndex={-1} {...props}>
      {children}
    </h2>
  )
}
