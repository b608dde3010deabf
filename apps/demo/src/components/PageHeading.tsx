import { type ReactNode, useEffect, useRef } from 'react'

// Pages shown so far: the first page load keeps focus at the top of the document (skip link).
let pagesShown = 0

/**
 * The page's h1, focused when a new page opens so screen-reader and keyboard users land on the
 * new content after a route change (not on <body> or on the link they clicked).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    pagesShown += 1
    if (pagesShown > 1) ref.current?.focus()
  }, [])
  return (
    <h1 ref={ref} tabIndex={-1} className="demo-page-heading">
      {children}
    </h1>
  )
}
