/**
 * Field shapes several routes and the error body share. Times are epoch milliseconds of the
 * server's clock; every response carries `serverTime` (the server's clock when it answered) so
 * that the browser can correct its own clock before showing countdowns.
 */
import { int, text } from '../schema/descriptors'

/** Epoch milliseconds. */
export const epochMs = int()

/** A count (attempts, sends left). */
export const count = int()

/** An app transaction id (the app's own, passed through `getTransaction`). */
export const transactionId = text(1, 64, { pattern: /^[A-Za-z0-9._:-]+$/ })
