/**
 * The zod/mini schemas the server validates every body with, derived from the route declarations
 * (`routes/kit-routes.ts`). Server and tests only: browser code checks the same declarations with
 * the dependency-free `schema/check.ts`, and never imports this module, so no zod ships to
 * browsers (`packages/react/test/bundle.security.test.ts` proves it).
 */
import type * as z from 'zod/mini'
import { kitRouteDeclarations } from './routes/kit-routes'
import type { KitRequest, KitResponse, KitRoute } from './routes/kit-routes'
import { toZod } from './schema/to-zod'
import { kitErrorBodyShape } from './shapes/error-body'
import { transactionValue, transactionView } from './shapes/transaction-view'

export type KitRouteSchemas = {
  readonly [R in KitRoute]: {
    readonly request: z.ZodMiniType<KitRequest<R>>
    readonly response: z.ZodMiniType<KitResponse<R>>
  }
}

/** Request and response schema of every route, by route name. */
export const kitRouteSchemas = Object.fromEntries(
  kitRouteDeclarations.map((route) => [
    route.path,
    { request: toZod(route.request), response: toZod(route.response) },
  ]),
  // Object.fromEntries forgets which key holds which route's schemas; each entry is built from its
  // own declaration just above.
) as KitRouteSchemas

/** The body of every kit error answer. */
export const kitErrorBody = toZod(kitErrorBodyShape)

/** What the app's `getTransaction` must return as `view`. */
export const transactionViewSchema = toZod(transactionView)

/** What the app's `getTransaction` may return as `value`. */
export const transactionValueSchema = toZod(transactionValue)
