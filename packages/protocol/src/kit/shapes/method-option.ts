/** A second factor the user may choose, as `factor_required` lists it. */
import { kitMethods } from '../methods'
import { object, oneOf, optional, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'

export const kitMethod = oneOf(...kitMethods)

/** What a method needs the user to know before choosing it. */
export const methodOption = object({
  method: kitMethod,
  /**
   * Where the method reaches the user, when the server knows it: for `qr` the name of the
   * CENTAGATE app's device (`Alice's phone`); for `sms` the masked phone (`•••• 4567`); for
   * `challenge` the hardware token's serial, all but its last four masked (`•••• 0001`).
   */
  hint: optional(text(0, 64)),
})
export type MethodOption = Infer<typeof methodOption>
