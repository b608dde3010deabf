/**
 * The request the doctor sends to probe one endpoint's signed order. Every field any documented
 * order signs gets a distinct, non-empty value, so that each order signs a different text; and
 * every call is harmless: the password is the test user's own (a successful login is harmless),
 * every code is a wrong one, and every other call carries an authToken CENTAGATE never issued, so
 * that a correctly signed request is refused as "no such session" (23016) before it could send an
 * SMS or a push, consume an OTP or count a wrong code (on the emulator; see the README for tenants).
 */
import {
  type EndpointDefinition,
  type EndpointName,
  documentedOrders,
} from '@centagate-kit/protocol'
import { base64Utf8 } from '../encoding'

export interface ProbeContext {
  username: string
  password: string
  /** The user's default device account from the login, or a placeholder. */
  devAccId: string
  /** A well-formed authToken CENTAGATE never issued. */
  unknownToken: string
  /** A transaction id of the doctor's own (never a real one). */
  transactionId: string
}

/** Fields the doctor never sends: added by the signer, or changing what the call means. */
const leftOut = new Set(['integrationKey', 'unixTimestamp', 'tokenId', 'isPasswordEncrypted'])

function valueOf(name: string, context: ProbeContext): string {
  switch (name) {
    case 'username':
      return context.username
    case 'password':
      return context.password
    case 'authToken':
      return context.unknownToken
    case 'devAccId':
      return context.devAccId
    case 'authResult':
      return 'true'
    case 'otp':
    case 'crOtp':
    case 'smsOtp':
      return '000000'
    case 'otpType':
      return 'offline'
    case 'challenge':
      return '00000000'
    case 'details':
      return base64Utf8('centagate-kit doctor: signature probe')
    case 'transactionId':
      return context.transactionId
    case 'authMethod':
      return 'QRCODE'
    case 'transactionValue':
      return '0.00'
    case 'isTransaction':
      return '1'
    case 'supportFido':
      return 'false'
    case 'ipAddress':
      return '127.0.0.1'
    case 'userAgent':
      return 'centagate-kit-doctor'
    case 'browserFp':
      return 'centagate-kit-doctor-probe'
    default:
      return `probe-${name}`
  }
}

/** The body fields (without integrationKey, unixTimestamp and hmac) and path parameters. */
export function probeRequest(
  endpoint: EndpointDefinition<EndpointName>,
  context: ProbeContext,
): { fields: Record<string, string>; pathParams: Record<string, string> } {
  const names = new Set(endpoint.fields.map((field) => field.name))
  for (const candidate of documentedOrders(endpoint)) {
    for (const name of candidate.order) names.add(name)
  }
  const fields: Record<string, string> = {}
  for (const name of names) if (!leftOut.has(name)) fields[name] = valueOf(name, context)
  const pathParams = Object.fromEntries(
    endpoint.pathParams.map((name) => [name, fields[name] ?? valueOf(name, context)]),
  )
  return { fields, pathParams }
}
