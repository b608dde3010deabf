import { type ReactNode, useEffect, useRef } from 'react'

/**
 * The page's h1, focused when the page opens so screen-reader and keyboard users land on the new
 * content after a route change (not on the link they clicked).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    // The first page load keeps focus at the top of the document (skip link first).
    if (document.activeElement !== document.body) ref.current?.focus()
  }, [])
  return (
    <h1 ref={ref} tabIndex={-1} className="demo-page-heading">
      {children}
    </h1>
  )
}
