/**
 * The admin ("server") calls, API.md 2.18-2.20: PUT on the v1 base, authorised by a cenToken
 * (HMAC(secretCode, adminUsername + authToken) of an admin's complete session), no app HMAC.
 * They enrol, list, check and remove a user's factors.
 */
import { type EndpointDefinition, adminCall, cenTokenField } from './endpoint-definition'

/**
 * The factor `type` of `token/unregisterActiveToken` and `token/getStatus` (GH 1.4.3.1.07,
 * API.md 2.20): "1" mobile device (CENTAGATE app), "2" SMS, "3" OTP token (hardware CR token or
 * offline OTP token; "CH" is accepted as a spelling of "3"), "4" PKI certificate. A different code
 * space from registerActiveToken's `tokenType` ("1" SMS, "2" OTP token).
 */
export const factorTypeCodes = { mobile: '1', sms: '2', token: '3', pki: '4' } as const
export type FactorTypeName = keyof typeof factorTypeCodes

export const adminEndpoints = {
  registerActiveToken: {
    ...adminCall,
    name: 'registerActiveToken',
    title: 'Register an SMS number or hardware OTP token',
    section: '2.18',
    path: 'token/registerActiveToken/{adminUsername}',
    // API.md 5.7: the GH Postman snippet uses /v2.
    legacyPaths: [{ base: 'v2', path: 'token/registerActiveToken/{adminUsername}' }],
    fields: [
      { name: 'username', required: true, note: 'user who gets the token' },
      { name: 'tokenSn', required: true, note: 'mobile number (type 1) or token serial (type 2)' },
      { name: 'tokenType', required: true, note: '"1" SMS, "2" OTP token' },
      cenTokenField,
      { name: 'activateToken', required: false, note: 'undocumented; one client sent "1"' },
    ],
    payload: 'tokenRegistration',
  },
  registerOfflineOtp: {
    ...adminCall,
    name: 'registerOfflineOtp',
    title: 'Register an offline OTP token (authenticator app)',
    section: '2.19',
    path: 'token/register/otp/offline/{adminUsername}',
    fields: [{ name: 'username', required: true }, cenTokenField],
    payload: 'offlineRegistration',
  },
  registerOneTimePin: {
    ...adminCall,
    name: 'registerOneTimePin',
    title: 'Activate the CENTAGATE app on a phone (QR + one-time passcode)',
    section: '2.20',
    path: 'device/register/onetimepin/{adminUsername}',
    fields: [
      { name: 'username', required: true },
      {
        name: 'status',
        required: false,
        note: '"1" pending, "2" valid, "3" temporarily deactivated, "4" deactivated',
      },
      { name: 'validity', required: false, note: 'seconds the QR and passcode stay valid; 300' },
      cenTokenField,
    ],
    payload: 'oneTimePinRegistration',
  },
  unregisterActiveToken: {
    ...adminCall,
    name: 'unregisterActiveToken',
    title: 'Remove a factor from a user',
    section: '2.20',
    path: 'token/unregisterActiveToken/{adminUsername}',
    // API.md 5.7: the GH Postman snippet uses /v2.
    legacyPaths: [{ base: 'v2', path: 'token/unregisterActiveToken/{adminUsername}' }],
    fields: [
      { name: 'username', required: true },
      { name: 'type', required: true, note: '"1" mobile, "2" SMS, "3" OTP token, "4" PKI' },
      cenTokenField,
    ],
    payload: 'empty',
  },
  userAuthList: {
    ...adminCall,
    name: 'userAuthList',
    title: 'List the factors bound to a user',
    section: '2.20',
    path: 'user/auth/list/{adminUsername}',
    fields: [{ name: 'username', required: true }, cenTokenField],
    payload: 'authList',
  },
  getTokenStatus: {
    ...adminCall,
    name: 'getTokenStatus',
    title: "Check the status of a user's factor",
    section: '2.20',
    path: 'token/getStatus/{adminUsername}',
    fields: [
      { name: 'username', required: true },
      { name: 'type', required: true, note: '"1" mobile, "2" SMS, "3" OTP token, "4" PKI' },
      cenTokenField,
    ],
    payload: 'tokenStatus',
    // API.md 1.3: the object is a bare status value ("", "1" ... "5"), not JSON text.
    objectEncoding: 'bare',
  },
  listMultipleUserDevice: {
    ...adminCall,
    name: 'listMultipleUserDevice',
    title: "List a user's devices (devAccId)",
    section: '2.20',
    // API.md 5.8: GET, values in the path; `username` is the caller whose session made cenToken.
    method: 'GET',
    path: 'device/listMultipleUserDevice/{username}/{cenToken}/{userId}',
    pathParams: ['username', 'cenToken', 'userId'],
    fields: [],
    payload: 'deviceList',
    // API.md 1.3: this call answers with a real JSON object (and a numeric code).
    objectEncoding: 'json',
  },
} as const satisfies Record<string, EndpointDefinition>
