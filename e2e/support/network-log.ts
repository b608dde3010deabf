/**
 * Records everything the browser sends and receives (URLs, headers, bodies) so a journey can
 * assert that no secret ever reached it: the canary values exactly, and anything shaped like an
 * HMAC (64 hex), a CENTAGATE authToken (44-char base64) or a secretCode value.
 */
import type { Page } from '@playwright/test'
import { canaryValues } from './canary'

export interface NetworkEntry {
  kind: 'request' | 'response'
  url: string
  text: string
  /** JavaScript/CSS assets are only scanned for the exact canaries (minified code has hex runs). */
  asset: boolean
}

export interface NetworkLog {
  entries: NetworkEntry[]
  /** Leaks found; `extraSecrets` are values learnt during the test (e.g. from the emulator). */
  findLeaks(extraSecrets?: readonly string[]): Promise<string[]>
}

const isAsset = (url: string) => /\.(js|css|svg|png|ico|woff2?)(\?|$)/.test(new URL(url).pathname)

// Shapes of upstream secrets: an HMAC-SHA256 / cenToken in hex; a 32-byte authToken in base64.
const secretShapes: { name: string; pattern: RegExp }[] = [
  { name: 'hex-64 (hmac/cenToken shape)', pattern: /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/i },
  { name: 'base64-44 (authToken shape)', pattern: /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{43}=/ },
  { name: 'secretCode/authToken/hmac member', pattern: /"(secretCode|authToken|hmac|cenToken)"/ },
]

export function recordNetwork(page: Page): NetworkLog {
  const entries: NetworkEntry[] = []
  const pending: Promise<unknown>[] = []

  page.on('request', (request) => {
    pending.push(
      request
        .allHeaders()
        .then((headers) => {
          entries.push({
            kind: 'request',
            url: request.url(),
            text: `${request.method()} ${request.url()}\n${JSON.stringify(headers)}\n${request.postData() ?? ''}`,
            asset: isAsset(request.url()),
          })
        })
        .catch(() => undefined),
    )
  })
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const headers = await response.allHeaders().catch(() => ({}))
        const body = await response.text().catch(() => '')
        entries.push({
          kind: 'response',
          url: response.url(),
          text: `${response.status()} ${response.url()}\n${JSON.stringify(headers)}\n${body}`,
          asset: isAsset(response.url()),
        })
      })(),
    )
  })

  return {
    entries,
    async findLeaks(extraSecrets = []) {
      await Promise.all(pending)
      const leaks: string[] = []
      const exact = [...canaryValues, ...extraSecrets].filter((value) => value.length >= 8)
      for (const entry of entries) {
        for (const value of exact) {
          if (entry.text.includes(value)) leaks.push(`${entry.kind} ${entry.url}: a secret value`)
        }
        if (entry.asset) continue
        for (const shape of secretShapes) {
          if (shape.pattern.test(entry.text))
            leaks.push(`${entry.kind} ${entry.url}: ${shape.name}`)
        }
      }
      return leaks
    },
  }
}
