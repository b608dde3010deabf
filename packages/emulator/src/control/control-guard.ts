/**
 * What a foreign web page can send never reaches the control API (issue 14, point 7: a cross-site
 * `text/plain` POST to `/__emulator/app/decision` approved a pending QR login). The same rules as
 * the kit's own routes, for every host of the emulator (CLI server, Vite plugin, `emulator.fetch`):
 * - a browser's `Origin` must be the emulator's own, and `Sec-Fetch-Site` (when sent) `same-origin`
 *   (or `none`: the user typed the URL), for reads and writes alike: else 403 `cross_site_refused`;
 * - every write (any method but GET/HEAD) carries the kit's custom header `x-centagate-kit: 1`
 *   (a page can only add it through a CORS preflight, which the emulator never grants): else 403
 *   `custom_header_required`; and says `content-type: application/json`: else 415 `json_required`.
 * Non-browser clients (tests, scripts, curl) send no `Origin` and keep working with the header.
 */
import { kitHeaderName, kitHeaderValue } from '@centagate-kit/protocol'
import { type EmulatorInput, type EmulatorReply, jsonReply } from '../reply'

const refuse = (status: number, error: string, message: string): EmulatorReply =>
  jsonReply({ error, message }, status)

/** The refusal of a control request a foreign page could have sent, or `null` to serve it. */
export function refuseForeignControlRequest(input: EmulatorInput): EmulatorReply | null {
  const origin = input.header('origin')
  const site = input.header('sec-fetch-site')
  if (
    (origin !== null && origin !== new URL(input.url).origin) ||
    (site !== null && site !== 'same-origin' && site !== 'none')
  ) {
    return refuse(403, 'cross_site_refused', 'the control API answers same-origin requests only')
  }
  if (input.method === 'GET' || input.method === 'HEAD') return null
  if (input.header(kitHeaderName) !== kitHeaderValue) {
    return refuse(
      403,
      'custom_header_required',
      `control writes need the header ${kitHeaderName}: ${kitHeaderValue}`,
    )
  }
  const type = (input.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') {
    return refuse(415, 'json_required', 'control writes need content-type: application/json')
  }
  return null
}
