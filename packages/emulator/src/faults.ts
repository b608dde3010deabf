/**
 * Fault injection per endpoint (control API `POST /__emulator/faults`): what a flaky or hostile
 * upstream does, so clients can prove they fail closed. `drop` and `hang` are socket-level: the
 * fetch handler throws {@link EmulatorConnectionDropped} (node server: destroy the socket;
 * in-process: a rejected fetch like a network error) or never answers.
 */
import { type EndpointDefinition, type EndpointName, endpoints } from '@centagate-kit/protocol'
import { z } from 'zod'
import { envelopeReply } from './envelope'
import { type EmulatorReply, jsonReply, textReply } from './reply'

export const faultKinds = [
  'latency',
  'http_error',
  'html',
  'malformed_json',
  'oversized',
  'redirect',
  'drop',
  'hang',
  'clock_skew',
  'return_code',
] as const
export type FaultKind = (typeof faultKinds)[number]

const endpointNames = Object.keys(endpoints) as [EndpointName, ...EndpointName[]]

export const faultSpec = z.strictObject({
  /** A catalogue endpoint name, or `*` for every endpoint. */
  endpoint: z.union([z.literal('*'), z.enum(endpointNames)]),
  kind: z.enum(faultKinds),
  /** `latency`: milliseconds to wait before answering normally. */
  delayMs: z.number().int().min(0).max(120_000).default(1000),
  /** `http_error`: the status to answer with. */
  status: z.number().int().min(400).max(599).default(503),
  /** `redirect`: where to send the client. */
  location: z.string().url().default('https://redirect.invalid/elsewhere'),
  /** `return_code`: the CENTAGATE return code the endpoint answers (a business refusal). */
  returnCode: z
    .string()
    .regex(/^\d{1,6}$/)
    .default('99999'),
  /** How many requests it hits; unlimited when absent. */
  count: z.number().int().min(1).optional(),
})
export type FaultSpec = z.output<typeof faultSpec>

export interface ActiveFault extends FaultSpec {
  readonly id: number
  /** Hits left; `null` = unlimited. */
  remaining: number | null
}

/** A connection the emulator drops on purpose. Extends TypeError like fetch's network errors. */
export class EmulatorConnectionDropped extends TypeError {
  override readonly name = 'EmulatorConnectionDropped'
  readonly code = 'ECONNRESET'
  constructor() {
    super('fetch failed: connection dropped by the CENTAGATE emulator (fault injection)')
  }
}

export class FaultRegistry {
  #faults: ActiveFault[] = []
  #nextId = 1

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: this.#nextId++, remaining: spec.count ?? null }
    this.#faults.push(fault)
    return fault
  }

  clear(): void {
    this.#faults = []
  }

  list(): readonly ActiveFault[] {
    return this.#faults.map((fault) => ({ ...fault }))
  }

  /** The faults hitting this request (each hit uses one of its count). */
  take(endpoint: EndpointName): ActiveFault[] {
    const hits = this.#faults.filter(
      (fault) => fault.endpoint === '*' || fault.endpoint === endpoint,
    )
    for (const fault of hits) {
      if (fault.remaining !== null) fault.remaining -= 1
    }
    this.#faults = this.#faults.filter((fault) => fault.remaining === null || fault.remaining > 0)
    return hits
  }
}

/**
 * The HTTP answer of a non-socket fault (`null` for latency/drop/hang, handled by the caller).
 * `endpoint` shapes a `return_code` envelope (numeric code for the JSON-object endpoints).
 */
export function faultReply(
  fault: ActiveFault,
  endpoint: Pick<EndpointDefinition, 'objectEncoding'>,
): EmulatorReply | null {
  switch (fault.kind) {
    case 'http_error':
      return textReply(
        `<html><body><h1>${fault.status} Service Unavailable</h1></body></html>`,
        fault.status,
        'text/html',
      )
    case 'html':
      return textReply(
        '<!doctype html><html><head><title>Login</title></head><body>Maintenance page</body></html>',
        200,
        'text/html; charset=utf-8',
      )
    case 'malformed_json':
      return textReply(
        '{"code":"0","message":"Success","object":"{\\"authToken\\":',
        200,
        'application/json',
      )
    case 'oversized':
      // A valid-looking envelope just over 1 MiB: clients must cap what they read.
      return jsonReply({ code: '0', message: 'x'.repeat(1024 * 1024 + 1024), object: '' })
    case 'redirect':
      return { status: 302, headers: { location: fault.location }, body: null }
    case 'clock_skew':
      return envelopeReply(null, '23023')
    case 'return_code':
      return envelopeReply(endpoint, fault.returnCode)
    default:
      return null
  }
}
