/**
 * What a kit route declaration says, in one place: its path under the base path, the `KitClient`
 * method that calls it, its request and response shapes, and the kit error codes it may answer.
 * The browser's checks, the client's methods, the server's zod parsing and route table are all
 * derived from the declarations listed in `kit-routes.ts`.
 */
import type { KitErrorCode } from '../kit-error-codes'
import type { ObjectSchema, Schema, UnionSchema } from '../schema/descriptors'

export interface KitRouteDeclaration {
  /** Relative to the base path: `sms/verify` is served at `/api/centagate/sms/verify`. */
  readonly path: string
  /** The `KitClient` method that calls the route (`smsVerify`). */
  readonly clientMethod: string
  /**
   * The JSON body the browser POSTs: an object (or objects told apart by a key) built with
   * `withDevice`, so that every request carries the device signals.
   */
  readonly request: ObjectSchema | UnionSchema
  /** The 200 answer. */
  readonly response: Schema
  /**
   * The kit error codes the route may answer besides `everyRouteErrors` (which any route
   * may answer before its own code runs), composed from the groups in `route-errors.ts`.
   */
  readonly errors: readonly KitErrorCode[]
  /** The 200 answer may carry `Retry-After` (the client returns it as `retryAfterMs`). */
  readonly retryAfter?: true
}

/** Declares a kit route (an identity function that keeps the literal types). */
export const defineKitRoute = <const D extends KitRouteDeclaration>(declaration: D): D =>
  declaration
