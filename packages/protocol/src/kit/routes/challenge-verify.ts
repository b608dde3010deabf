/** `challenge/verify`: checks the token's response to the challenge of `challenge/send`. */
import { otpCode } from '../otp-code'
import { withDevice } from '../shapes/device-signals'
import { flowResponse } from '../shapes/flow-response'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, flowErrors, upstreamErrors, verifyErrors } from './route-errors'

export const challengeVerify = defineKitRoute({
  path: 'challenge/verify',
  clientMethod: 'challengeVerify',
  request: withDevice({ response: otpCode }),
  response: flowResponse,
  errors: [...flowErrors, ...verifyErrors, ...actorErrors, ...upstreamErrors],
})
