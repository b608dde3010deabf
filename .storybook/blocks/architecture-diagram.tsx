/**
 * The Introduction page's picture: what runs in the browser, what runs on the app's server, and
 * where the CENTAGATE secrets live (only on the server). Drawn in HTML and CSS so it follows the
 * page's zoom and is read by screen readers as a list.
 */
import type { CSSProperties, ReactNode } from 'react'

const row: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'stretch',
  gap: 8,
  margin: '16px 0',
  padding: 0,
  listStyle: 'none',
  fontFamily: 'system-ui, sans-serif',
  fontSize: 14,
  lineHeight: 1.45,
}
const box = (colour: string): CSSProperties => ({
  flex: '1 1 200px',
  padding: '12px 14px',
  border: `2px solid ${colour}`,
  borderRadius: 10,
  background: '#fff',
  color: '#16181d',
})
const arrow: CSSProperties = {
  flex: '0 0 auto',
  alignSelf: 'center',
  display: 'grid',
  justifyItems: 'center',
  fontSize: 12,
  color: '#555b66',
  maxInlineSize: 130,
  textAlign: 'center',
}

function Box({ colour, title, children }: { colour: string; title: string; children: ReactNode }) {
  return (
    <li style={box(colour)}>
      <strong style={{ display: 'block', marginBlockEnd: 6 }}>{title}</strong>
      {children}
    </li>
  )
}

function Arrow({ children }: { children: ReactNode }) {
  return (
    <li style={arrow}>
      <span aria-hidden="true" style={{ fontSize: 22, color: '#0b57d0' }}>
        ⇄
      </span>
      {children}
    </li>
  )
}

export function ArchitectureDiagram() {
  return (
    <ul style={row} aria-label="Where each part of centagate-kit runs">
      <Box colour="#0b57d0" title="The user's browser">
        <code>@centagate-kit/react</code> widgets on <code>@centagate-kit/client</code> machines.
        Holds what the user types, what to show (masked phone, challenge, QR value) and server
        times. <em>Never</em> an integration key, secret, HMAC or CENTAGATE authToken.
      </Box>
      <Arrow>
        same-origin JSON POST <code>/api/centagate/*</code>, sealed HttpOnly flow cookie
      </Arrow>
      <Box colour="#146c2e" title="Your server — the secrets live here">
        <code>@centagate-kit/server</code> mounted in Express, Next.js, Fastify, Hono or node:http.
        Signs every CENTAGATE call (HMAC-SHA256), keeps the authToken server-side, limits attempts
        and sends, issues the step-up receipt your routes check.
      </Box>
      <Arrow>signed calls over HTTPS</Arrow>
      <Box colour="#8a919c" title="CENTAGATE Cloud">
        Authenticates: SMS codes, hardware-token challenges, the CENTAGATE app (QR). In Storybook
        and the demo, <code>@centagate-kit/emulator</code> plays it, in the browser.
      </Box>
    </ul>
  )
}
