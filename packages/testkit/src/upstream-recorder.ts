/**
 * Records every CENTAGATE call a kit makes to an in-process emulator: the endpoint the emulator
 * served (from its request log), the fields the kit sent (signed, as CENTAGATE receives them) and
 * the answer (return code and object). A spy on the real upstream, not a second fake: the emulator
 * still verifies, answers and counts every call. Node only (AsyncLocalStorage pairs each request
 * with the emulator's log line, also under concurrency).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { EmulatorLogger } from '@centagate-kit/emulator'
import { safeParseEnvelope } from '@centagate-kit/protocol'

export interface UpstreamCall {
  /** Catalogue endpoint name (e.g. `authSmsOtp`); `(unmatched)` for a path CENTAGATE lacks. */
  endpoint: string
  /** The JSON body the kit sent. */
  fields: Record<string, string>
  /** The envelope's return code (`''` when the answer was no envelope, e.g. a fault). */
  code: string
  /** The envelope's object, parsed. */
  object: Record<string, unknown>
}

export function createUpstreamRecorder() {
  const calls: UpstreamCall[] = []
  const current = new AsyncLocalStorage<UpstreamCall>()
  /** Give this to the emulator (`createEmulator({ logger })`). */
  const logger: EmulatorLogger = {
    request(entry) {
      const call = current.getStore()
      if (call !== undefined) call.endpoint = entry.endpoint ?? '(unmatched)'
    },
  }
  /** Wraps the emulator's fetch: the kit's `centagate.fetch`. */
  const wrap =
    (send: (request: Request) => Promise<Response>) =>
    async (input: string, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init)
      const text = await request.clone().text()
      let fields: Record<string, string> = {}
      try {
        fields = JSON.parse(text) as Record<string, string>
      } catch {
        // not JSON: recorded with no fields
      }
      const call: UpstreamCall = { endpoint: '', fields, code: '', object: {} }
      calls.push(call)
      const response = await current.run(call, () => send(request))
      const answer = safeParseEnvelope(await response.clone().text())
      if (answer.ok) {
        call.code = answer.envelope.code
        call.object = (answer.envelope.object ?? {}) as Record<string, unknown>
      }
      return response
    }
  return {
    calls,
    logger,
    wrap,
    /** Calls made so far: all, or to one endpoint. */
    count: (endpoint?: string) =>
      endpoint === undefined
        ? calls.length
        : calls.filter((call) => call.endpoint === endpoint).length,
    /** The first call to `endpoint`. @throws when there was none. */
    first(endpoint: string): UpstreamCall {
      const call = calls.find((candidate) => candidate.endpoint === endpoint)
      if (call === undefined) throw new Error(`no upstream call to ${endpoint}`)
      return call
    },
  }
}

export type UpstreamRecorder = ReturnType<typeof createUpstreamRecorder>
