/**
 * Dependency-free checks of the kit contract for browsers. The zod schemas of `schemas.ts` are the
 * source of truth (the server validates every request with them); shipping zod to every page
 * would cost ~10 KB gzip of a 25 KB widget budget, so the browser client checks the same shapes
 * with these few combinators instead. `shape-checks.test.ts` proves the two agree on valid bodies
 * and on every single-field mutation of them.
 *
 * One module per concern, re-exported here: a bundle that needs only the error body check (the
 * step-up fetch interceptor) leaves the response and request checks out.
 */
export { isKitErrorBody } from './shape-checks-error-body'
export { isKitResponse } from './shape-checks-responses'
export { kitRequestProblems, normalizeKitRequest } from './shape-checks-requests'
