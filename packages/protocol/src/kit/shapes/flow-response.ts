/**
 * The answer of every route that moves a flow on (`login/start`, `stepup/start`, every verify
 * route, and an approved `qr/status`): another factor is needed, or the user is authenticated.
 */
import { array, object, oneOf, optional, record, union } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { kitMethods } from '../methods'
import { epochMs, transactionId } from './fields'
import { methodOption } from './method-option'
import { transactionView } from './transaction-view'

/** Which flow a response belongs to. */
const flowKind = oneOf('login', 'stepup')

/** A flow that needs a (further) second factor. */
export const factorRequiredResponse = object({
  status: oneOf('factor_required'),
  flow: flowKind,
  /** The methods the user may use, in preference order (never empty). */
  methods: array(methodOption, 1, Infinity),
  /** The transaction being signed (step-up with a transaction id). */
  transaction: optional(transactionView),
  /** When the flow itself ends if not completed. */
  flowExpiresAt: epochMs,
  serverTime: epochMs,
})
export type FactorRequiredResponse = Infer<typeof factorRequiredResponse>

/** The user is authenticated (login) or has stepped up. */
export const authenticatedResponse = object({
  status: oneOf('authenticated'),
  flow: flowKind,
  /** The factor that completed the flow (`password` for a login without a second factor). */
  method: oneOf(...kitMethods, 'password'),
  authTime: epochMs,
  /**
   * Step-up only: the receipt now held in an HttpOnly cookie, described (never the token itself):
   * when it stops being accepted, and which transaction it is bound to.
   */
  receipt: optional(object({ expiresAt: epochMs, transactionId: optional(transactionId) })),
  /** Whatever the app's `onAuthenticated` hook chose to return to the browser (JSON). */
  app: optional(record()),
  serverTime: epochMs,
})
export type AuthenticatedResponse = Infer<typeof authenticatedResponse>

export const flowResponse = union('status', [factorRequiredResponse, authenticatedResponse])
export type FlowResponse = Infer<typeof flowResponse>
