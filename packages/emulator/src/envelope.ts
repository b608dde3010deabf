/**
 * Response envelopes exactly as API.md 1.3 and section 4 describe: HTTP 200 for business
 * outcomes, `code` a string, `object` a JSON *string* (`""` when empty) for the authentication
 * API; a real JSON object and a numeric code for listMultipleUserDevice.
 */
import { type EndpointDefinition, describeReturnCode } from '@centagate-kit/protocol'
import { type EmulatorReply, jsonReply } from './reply'

export const signedOrderHeader = 'x-centagate-emulator-signed-order'

export function envelopeBody(
  endpoint: Pick<EndpointDefinition, 'objectEncoding'> | null,
  code: string,
  object: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const message = describeReturnCode(code).message
  if (endpoint?.objectEncoding === 'json') {
    return { code: Number(code), message, object: object ?? '' }
  }
  return { code, message, object: object === undefined ? '' : JSON.stringify(object) }
}

export function envelopeReply(
  endpoint: Pick<EndpointDefinition, 'objectEncoding'> | null,
  code: string,
  object?: Record<string, unknown>,
  headers: Record<string, string> = {},
): EmulatorReply {
  return { ...jsonReply(envelopeBody(endpoint, code, object), 200, headers), code }
}
