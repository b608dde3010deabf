/**
 * The device signals every request carries (the server adds the IP itself), and the builder of a
 * request shape: the route's own fields plus `device`.
 */
import { object, text } from '../schema/descriptors'
import type { ObjectSchema, Shape } from '../schema/descriptors'
import type { Infer } from '../schema/infer'

export const deviceSignals = object({
  /** `navigator.userAgent`, truncated by the client to 512 characters. */
  userAgent: text(0, 512),
  /** FingerprintJS visitor id, or `""` when it was not ready in time. */
  browserFp: text(0, 64, { pattern: /^[A-Za-z0-9_-]*$/ }),
})
export type DeviceSignals = Infer<typeof deviceSignals>

/** A request shape: `fields` plus the device signals (a strict object). */
export function withDevice<const S extends Shape>(
  fields: S,
): ObjectSchema<S & { readonly device: typeof deviceSignals }> {
  return object({ ...fields, device: deviceSignals })
}
