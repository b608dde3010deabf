/**
 * A kit error on its way to the browser: a stable code from protocol's `kitErrors`, the message
 * key, and only the extra members `kitErrorBody` allows. Thrown inside route code and turned into
 * a response in one place.
 */
import {
  type KitErrorBody,
  type KitErrorCode,
  kitErrorForReturnCode,
} from '@centagate-kit/protocol'
import type { CentagateCodeError, CentagateError } from '../centagate-client/errors'
import { pauseStackCapture, resumeStackCapture } from '../stack-capture'

export type KitFailureDetails = Omit<KitErrorBody['error'], 'code' | 'messageKey'>

export class KitFailure extends Error {
  override readonly name = 'KitFailure'
  constructor(
    readonly code: KitErrorCode,
    readonly details: KitFailureDetails = {},
    readonly messageKey: string = `kit.${code}`,
    /** Extra response headers (Allow, Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    // Becomes a response body, never a log line with a stack: none is captured.
    const limit = pauseStackCapture()
    super(code)
    resumeStackCapture(limit)
  }
}

/** The kit failure for a CENTAGATE client error (fail closed: never a success). */
export function failureFromUpstream(error: CentagateError): KitFailure {
  switch (error.kind) {
    case 'code': {
      const codeError = error as CentagateCodeError
      const mapped = kitErrorForReturnCode(codeError.code)
      return new KitFailure(mapped.error, { returnCode: codeError.code }, mapped.messageKey)
    }
    case 'clock_skew':
      return new KitFailure('clock_skew', { returnCode: '23023' }, 'centagate.request_expired')
    case 'upstream_unavailable':
      return new KitFailure('upstream_unavailable')
    case 'upstream_timeout':
      return new KitFailure('upstream_timeout')
    case 'upstream_http':
      return new KitFailure('upstream_error')
    case 'upstream_bad_response':
      return new KitFailure('upstream_bad_response')
  }
}
