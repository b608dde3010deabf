/**
 * The CENTAGATE admin calls (API.md 2.18-2.20) as typed methods on a user, each run with the
 * cenToken of a live admin session (handler/admin-session.ts re-logs in once when CENTAGATE says
 * the session ended). What enrolment, factor listing and factor removal are built on; the admin's
 * credentials and cenToken never leave the server.
 */
import {
  type AuthListPayload,
  type FactorTypeName,
  type OneTimePinRegistrationPayload,
  type TokenRegistrationPayload,
  type TokenStatusPayload,
  factorTypeCodes,
} from '@centagate-kit/protocol'
import type { CentagateClient } from './create-centagate-client'

/** Runs an admin call with a cenToken (see `createAdminSessions`). */
export interface CenTokenProvider {
  withCenToken<T>(action: (cenToken: string, adminUsername: string) => Promise<T>): Promise<T>
}

export interface CentagateAdminCalls {
  /** `token/registerActiveToken`: binds an SMS number or a stock hardware token to `username`. */
  registerActiveToken(
    username: string,
    token: { kind: 'sms'; phoneNumber: string } | { kind: 'hardware'; serial: string },
  ): Promise<TokenRegistrationPayload>
  /**
   * `token/register/otp/offline`: binds an offline OTP token to `username` (an authenticator app
   * will hold it) and answers its provisioning `key`. The key is a secret: show it to the user
   * once (QR, grouped text), never log, cache or store it.
   */
  registerOfflineOtp(username: string): Promise<{ key: string }>
  /**
   * `device/register/onetimepin`: starts activating the CENTAGATE app for `username`; answers
   * `qr` (for the app to scan) and, when CENTAGATE returns it, `passcode`, which CENTAGATE also
   * sends by SMS: it is the second channel, never show it next to the QR.
   * @param options.validitySeconds how long the QR and passcode stay valid; CENTAGATE's default 300
   * @param options.status the registration's status; CENTAGATE's default "1" (pending)
   */
  registerOneTimePin(
    username: string,
    options?: { validitySeconds?: number; status?: '1' | '2' | '3' | '4' },
  ): Promise<OneTimePinRegistrationPayload>
  /** `token/unregisterActiveToken`: removes the user's factor of `type`. */
  unregisterFactor(username: string, type: FactorTypeName): Promise<void>
  /** `token/getStatus`: the status of the user's factor of `type` (`none` when there is none). */
  factorStatus(username: string, type: FactorTypeName): Promise<TokenStatusPayload>
  /** `user/auth/list`: the tokens, certificates and device bound to `username`. */
  listFactors(username: string): Promise<AuthListPayload>
}

/** The admin calls of `client`, authorised by `sessions`. */
export function createCentagateAdminCalls(
  client: CentagateClient,
  sessions: CenTokenProvider,
): CentagateAdminCalls {
  const asAdmin = <T>(call: (cenToken: string, path: { adminUsername: string }) => Promise<T>) =>
    sessions.withCenToken((cenToken, adminUsername) => call(cenToken, { adminUsername }))
  return {
    registerActiveToken: (username, token) =>
      asAdmin((cenToken, path) =>
        client.registerActiveToken(
          {
            username,
            tokenSn: token.kind === 'sms' ? token.phoneNumber : token.serial,
            tokenType: token.kind === 'sms' ? '1' : '2',
            cenToken,
          },
          path,
        ),
      ),
    registerOfflineOtp: (username) =>
      asAdmin((cenToken, path) => client.registerOfflineOtp({ username, cenToken }, path)),
    registerOneTimePin: (username, options = {}) =>
      asAdmin((cenToken, path) =>
        client.registerOneTimePin(
          {
            username,
            cenToken,
            ...(options.validitySeconds === undefined
              ? {}
              : { validity: String(options.validitySeconds) }),
            ...(options.status === undefined ? {} : { status: options.status }),
          },
          path,
        ),
      ),
    unregisterFactor: (username, type) =>
      asAdmin((cenToken, path) =>
        client.unregisterActiveToken({ username, type: factorTypeCodes[type], cenToken }, path),
      ),
    factorStatus: (username, type) =>
      asAdmin((cenToken, path) =>
        client.getTokenStatus({ username, type: factorTypeCodes[type], cenToken }, path),
      ),
    listFactors: (username) =>
      asAdmin((cenToken, path) => client.userAuthList({ username, cenToken }, path)),
  }
}
