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
import { getTokenStatus, unregisterActiveToken } from './admin-factors'
import { registerOneTimePin } from './app-activation'
import type { Handler } from './context'
import { adaptive, authBasic } from './login'
import { logout } from './logout'
import { requestMobilePushCR } from './push'
import { authQrCode, requestQrCode } from './qr'
import { statecheck } from './statecheck'
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
  requestMobilePushCR,
  logout,
  requestSmsTransOtp,
  authoriseSmsTrans,
  requestTransactionSigningChallenge,
  authTransactionSigningCrOtp,
  registerActiveToken,
  registerOfflineOtp,
  registerOneTimePin,
  unregisterActiveToken,
  userAuthList,
  getTokenStatus,
  listMultipleUserDevice,
}
