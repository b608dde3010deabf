/** `app-otp/verify`: checks the code the CENTAGATE app shows (after `app-otp/start`). */
import { otpCode } from '../otp-code'
import { withDevice } from '../shapes/device-signals'
import { flowResponse } from '../shapes/flow-response'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, flowErrors, upstreamErrors, verifyErrors } from './route-errors'

export const appOtpVerify = defineKitRoute({
  path: 'app-otp/verify',
  clientMethod: 'appOtpVerify',
  request: withDevice({ code: otpCode }),
  response: flowResponse,
  errors: [...flowErrors, ...verifyErrors, ...actorErrors, ...upstreamErrors],
})
