/** `qr/verify`: checks the code the CENTAGATE app showed after scanning the QR (manual path). */
import { otpCode } from '../otp-code'
import { withDevice } from '../shapes/device-signals'
import { flowResponse } from '../shapes/flow-response'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, flowErrors, upstreamErrors, verifyErrors } from './route-errors'

export const qrVerify = defineKitRoute({
  path: 'qr/verify',
  clientMethod: 'qrVerify',
  request: withDevice({ otp: otpCode }),
  response: flowResponse,
  errors: [...flowErrors, ...verifyErrors, ...actorErrors, ...upstreamErrors],
})
