import type { EndpointDefinition, EndpointName } from '@centagate-kit/protocol'
import type { EmulatorClock } from '../clock'
import type { EmulatorSettings } from '../settings'
import type { EmulatorState } from '../state/state-schema'

/** Everything a business handler needs for one verified request. */
export interface CallContext {
  readonly state: EmulatorState
  readonly settings: EmulatorSettings
  readonly clock: EmulatorClock
  /** The request time (emulator clock, ms), fixed for the whole call. */
  readonly now: number
  readonly endpoint: EndpointDefinition<EndpointName>
  /** Body fields as strings (absent = missing); lenient spellings already normalised. */
  readonly fields: Readonly<Record<string, string>>
  readonly pathParams: Readonly<Record<string, string>>
}

/**
 * A business outcome: return code plus the success object (or the 23002 object); a string for
 * the endpoints whose object is a bare value (token/getStatus).
 */
export interface Outcome {
  readonly code: string
  readonly object?: Record<string, unknown> | string | undefined
}

export const ok = (object?: Record<string, unknown> | string): Outcome => ({ code: '0', object })
export const fail = (code: string, object?: Record<string, unknown>): Outcome => ({ code, object })

export type Handler = (context: CallContext) => Promise<Outcome> | Outcome

/** A field value, `""` when absent. */
export function field(context: CallContext, name: string): string {
  return context.fields[name] ?? ''
}
