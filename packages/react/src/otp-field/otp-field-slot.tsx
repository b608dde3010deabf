import type { ComponentProps } from 'react'
import type { SlotProps } from 'input-otp'
import { dataFlag } from '../internal/data-attributes'
import { otpFieldPart as part } from './otp-field-anatomy'

export interface OtpFieldSlotProps extends Omit<ComponentProps<'div'>, 'children' | 'slot'> {
  slot: SlotProps
  index: number
}

/**
 * One painted digit box. Purely visual (the real control is the single input), so it is hidden
 * from assistive technology by the control part.
 */
export function OtpFieldSlot({ slot, index, ...props }: OtpFieldSlotProps) {
  return (
    <div
      {...part('slot')}
      data-index={index}
      data-active={dataFlag(slot.isActive)}
      data-filled={dataFlag(slot.char !== null)}
      {...props}
    >
      {slot.char ?? slot.placeholderChar}
      {slot.hasFakeCaret ? <span {...part('caret')} /> : null}
    </div>
  )
}
