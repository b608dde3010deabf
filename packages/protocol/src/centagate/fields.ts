/**
 * Field names of the CENTAGATE request bodies, as every vendor sample and client sends them
 * (camelCase; API.md 5.4), and the common signed suffix of API.md 1.5.
 */

/** Context fields sent (optionally) with every authentication call; the server fills them. */
export const contextFields = ['supportFido', 'ipAddress', 'userAgent', 'browserFp'] as const

/**
 * TAIL of API.md 1.5: the signed suffix shared by the authentication calls, in the evidence-backed
 * order (vendor 2018 specification, vendor SSO in production, Node samples).
 */
export const TAIL = [
  'integrationKey',
  'unixTimestamp',
  'authToken',
  'supportFido',
  'ipAddress',
  'userAgent',
  'browserFp',
] as const

/** Fields the signing server adds itself; the browser never supplies them. */
export const serverOwnedFields = ['integrationKey', 'unixTimestamp', 'authToken', 'hmac'] as const

export type TailField = (typeof TAIL)[number]
