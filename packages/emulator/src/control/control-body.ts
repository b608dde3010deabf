/**
 * What every control route shares: the request as the routes see it, JSON bodies validated with
 * zod, and `{error, message}` answers for refusals.
 */
import type { z } from 'zod'
import type { EmulatorInternals } from '../emulator-internals'
import { type EmulatorInput, type EmulatorReply, jsonReply } from '../reply'
import type { EmulatorState } from '../state/state-schema'

/** One `/__emulator/...` request, for a route module. */
export interface ControlRequest {
  readonly input: EmulatorInput
  /** The path below `/__emulator/`, e.g. `app/pushes`. */
  readonly path: string
  readonly method: string
  readonly url: URL
  readonly state: EmulatorState
  /** The emulator clock at the request (ms). */
  readonly now: number
  readonly emulator: EmulatorInternals
}

/** A route module: its answer, or `null` when the request is not one of its routes. */
export type ControlRoutes = (
  request: ControlRequest,
) => EmulatorReply | null | Promise<EmulatorReply | null>

const replyMarker = Symbol('reply')

/** A refusal: HTTP `status` with `{error: code, message, ...extra}`. */
export const controlError = (
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): EmulatorReply =>
  Object.assign(jsonReply({ error: code, message, ...extra }, status), { [replyMarker]: true })

/** Control bodies are plain objects from zod; a reply is recognised by its marker. */
export function isReply(value: unknown): value is EmulatorReply {
  return typeof value === 'object' && value !== null && replyMarker in value
}

/** The body parsed and validated by `schema`, or a 400 reply. */
export function readJson<T>(input: EmulatorInput, schema: z.ZodType<T>): T | EmulatorReply {
  let value: unknown
  try {
    value = JSON.parse(input.bodyText)
  } catch {
    return controlError(400, 'invalid_json', 'body must be JSON')
  }
  const result = schema.safeParse(value)
  if (!result.success) {
    return controlError(
      400,
      'invalid_input',
      result.error.issues
        .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
        .join('; '),
    )
  }
  return result.data
}
