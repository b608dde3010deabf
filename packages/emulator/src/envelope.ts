/**
 * Response envelopes exactly as API.md 1.3 and section 4 describe: HTTP 200 for business
 * outcomes, `code` a string, `object` a JSON *string* (`""` when empty) for the authentication
 * API; a real JSON object and a numeric code for listMultipleUserDevice; a bare value for
 * token/getStatus (`"2"`).
 */
import { type EndpointDefinition, describeReturnCode } from '@centagate-kit/protocol'
import { type EmulatorReply, jsonReply } from './reply'

export const signedOrderHeader = 'x-centagate-emulator-signed-order'

/** A success object: members, or a bare value for the `bare` endpoints. */
export type EnvelopeObject = Record<string, unknown> | string

export function envelopeBody(
  endpoint: Pick<EndpointDefinition, 'objectEncoding'> | null,
  code: string,
  object: EnvelopeObject | undefined,
): Record<string, unknown> {
  const message = describeReturnCode(code).message
  if (endpoint?.objectEncoding === 'json') {
    return { code: Number(code), message, object: object ?? '' }
  }
  if (typeof object === 'string') return { code, message, object }
  return { code, message, object: object === undefined ? '' : JSON.stringify(object) }
}

export function envelopeReply(
  endpoint: Pick<EndpointDefinition, 'objectEncoding'> | null,
  code: string,
  object?: EnvelopeObject,
  headers: Record<string, string> = {},
): EmulatorReply {
  return { ...jsonReply(envelopeBody(endpoint, code, object), 200, headers), code }
}
