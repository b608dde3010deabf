/**
 * The kit's one way in: a {@link KitRequest} and a body reader, answered as a {@link KitAnswer}.
 * The Web handler wraps a `Request` into it; the Node and Fastify adapters call it straight from
 * `IncomingMessage` (no Web Request/Response per call, which is what keeps the Node adapter fast).
 *
 * Internal on purpose: this module is not exported by the package, so the public surface is the
 * Web handler `(Request) => Promise<Response>` and the adapters, never two ways in.
 */
import type { KitAnswer } from '../http/json-response'
import type { KitRequest } from '../http/kit-request'
import type { CentagateHandler, HandlerContext } from './create-centagate-handler'

/**
 * Serves one request. `readBody` returns the body bytes; it may stop at `maxBodyBytes + 1` bytes
 * (more is answered 413).
 */
export type KitEntry = (
  request: KitRequest,
  readBody: () => Promise<Uint8Array>,
  context?: HandlerContext,
) => Promise<KitAnswer>

// Keyed by the handler function itself: only `createCentagateHandler` registers one.
const entries = new WeakMap<object, KitEntry>()

/** Called once by `createCentagateHandler` for the handler it returns. */
export function registerKitEntry(handler: CentagateHandler, entry: KitEntry): void {
  entries.set(handler, entry)
}

/**
 * The entry of a handler made by `createCentagateHandler`.
 * @throws TypeError for any other function (e.g. a wrapper around the handler).
 */
export function kitEntryOf(handler: CentagateHandler): KitEntry {
  const entry = entries.get(handler)
  if (entry === undefined) {
    throw new TypeError(
      'centagate-kit: the adapter needs the handler returned by createCentagateHandler (not a wrapper around it)',
    )
  }
  return entry
}
