/** `sms/verify`: checks the code the user received by SMS (after `sms/send`). */
import { otpCode } from '../otp-code'
import { withDevice } from '../shapes/device-signals'
import { flowResponse } from '../shapes/flow-response'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, flowErrors, upstreamErrors, verifyErrors } from './route-errors'

export const smsVerify = defineKitRoute({
  path: 'sms/verify',
  clientMethod: 'smsVerify',
  request: withDevice({ code: otpCode }),
  response: flowResponse,
  errors: [...flowErrors, ...verifyErrors, ...actorErrors, ...upstreamErrors],
})
