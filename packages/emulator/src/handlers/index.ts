import type { EndpointName } from '@centagate-kit/protocol'
import {
  listMultipleUserDevice,
  registerActiveToken,
  registerOfflineOtp,
  userAuthList,
} from './admin'
import {
  authCrOtp,
  authTransactionSigningCrOtp,
  requestOtpChallenge,
  requestTransactionSigningChallenge,
} from './challenge-response'
import type { Handler } from './context'
import { adaptive, authBasic } from './login'
import { authQrCode, requestQrCode, statecheck } from './qr'
import { authSmsOtp, authoriseSmsTrans, requestSmsOtp, requestSmsTransOtp } from './sms'
import { authOtp } from './soft-otp'

/** The business logic of every catalogue endpoint (the type forces one per endpoint). */
export const handlers: Readonly<Record<EndpointName, Handler>> = {
  authBasic,
  adaptive,
  requestSmsOtp,
  authSmsOtp,
  authOtp,
  requestOtpChallenge,
  authCrOtp,
  requestQrCode,
  authQrCode,
  authQRCode: authQrCode,
  statecheck,
  requestSmsTransOtp,
  authoriseSmsTrans,
  requestTransactionSigningChallenge,
  authTransactionSigningCrOtp,
  registerActiveToken,
  registerOfflineOtp,
  userAuthList,
  listMultipleUserDevice,
}
