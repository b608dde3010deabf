/**
 * The only place FingerprintJS is imported, and only dynamically: bundlers put it in a lazy chunk
 * so that pages which never start device signals never download it.
 */

/** Loads FingerprintJS and computes the visitor id; `""` where there is no DOM (SSR, workers). */
export async function loadFingerprintVisitorId(): Promise<string> {
  if (typeof window === 'undefined' || typeof document === 'undefined') return ''
  const { load } = await import('@fingerprintjs/fingerprintjs')
  // monitoring: false — by default the agent pings the vendor's host on a share of loads; the kit
  // must make no third-party request.
  const agent = await load({ monitoring: false })
  const { visitorId } = await agent.get()
  return visitorId
}
