/**
 * Test support: a small, stateful CENTAGATE double as a fetch function. It verifies every HMAC
 * with protocol/signing (answering 23022 like CENTAGATE), rotates authTokens, and records every
 * call, so unit tests can count upstream calls. The full emulator (packages/emulator) is used by
 * the over-HTTP tests; this double keeps unit tests independent of it.
 */
import {
  type EndpointDefinition,
  type EndpointName,
  basePaths,
  endpointList,
  endpoints,
} from '@centagate-kit/protocol'
import { createHmacSigner, verifyCenToken } from '@centagate-kit/protocol/signing'

export interface FakeCall {
  endpoint: EndpointName
  fields: Record<string, string>
}

export interface FakeUser {
  password: string
  methods: string
  phone?: string
  /** Password login completes without a second factor. */
  noMfa?: boolean
}

type Reply = { code: string; object?: unknown }
type Responder = (fields: Record<string, string>) => Reply | Promise<Reply>

export const fakeCodes = { sms: '123456', cr: '654321', qr: '111111' } as const

export function createFakeCentagate(options: {
  secretKey: string
  integrationKey: string
  now?: () => number
}) {
  const signer = createHmacSigner(options.secretKey)
  const now = options.now ?? Date.now
  const users: Record<string, FakeUser> = {
    alice: { password: 'alice-password', methods: 'SMS,CROTP,QRCODE', phone: '+60123456789' },
    bob: { password: 'bob-password', methods: 'SMS', phone: '+60111222333' },
    carol: { password: 'carol-password', methods: '' },
    admin: { password: 'admin-password', methods: '', noMfa: true },
  }
  const tokens = new Map<string, string>()
  const calls: FakeCall[] = []
  const overrides = new Map<EndpointName, Responder>()
  let tokenCounter = 0
  let qrState: 'pending' | 'approved' | 'rejected' = 'pending'
  let adminSecret: { secretCode: string; authToken: string } | undefined
  const registered: { username: string; tokenSn: string; tokenType: string }[] = []
  const lastDetails: Record<string, string> = {}

  const issue = (username: string) => {
    const token = `tok${++tokenCounter}-${Math.random().toString(36).slice(2)}`
    tokens.set(token, username)
    return token
  }
  const owns = (fields: Record<string, string>) =>
    fields.authToken !== undefined && tokens.get(fields.authToken) === fields.username
  const rotate = (fields: Record<string, string>) => {
    tokens.delete(fields.authToken ?? '')
    return issue(fields.username ?? '')
  }
  const json = (value: unknown) => JSON.stringify(value)
  const methodsOf = (username: string) => users[username]?.methods ?? ''
  const done = (fields: Record<string, string>): Reply => ({
    code: '0',
    object: json({
      authToken: rotate(fields),
      secretCode: 'SECRETCODE-canary-0001',
      multiStepAuth: 'false',
      authMethods: methodsOf(fields.username ?? ''),
    }),
  })

  const behaviours: Partial<Record<EndpointName, Responder>> = {
    authBasic: (fields) => {
      const user = users[fields.username ?? '']
      if (user === undefined) return { code: '22002' }
      if (user.password !== fields.password) return { code: '23001' }
      const authToken = issue(fields.username!)
      const secretCode = user.noMfa === true ? 'ADMINSECRET-canary-0002' : ''
      if (fields.username === 'admin') adminSecret = { secretCode, authToken }
      return {
        code: '0',
        object: json({
          authToken,
          secretCode,
          multiStepAuth: user.methods === '' ? 'false' : 'true',
          authMethods: user.methods,
          defAccId: '0123456789abcdef0123456789abcdef',
        }),
      }
    },
    adaptive: (fields) => {
      const user = users[fields.username ?? '']
      if (user === undefined) return { code: '22002' }
      if (user.methods === '') return { code: '1' }
      return {
        code: '0',
        object: json({
          authToken: issue(fields.username!),
          secretCode: '',
          multiStepAuth: 'true',
          authMethods: user.methods,
          defAccId: '0123456789abcdef0123456789abcdef',
        }),
      }
    },
    requestSmsOtp: (fields) =>
      owns(fields)
        ? {
            code: '0',
            object: json({ phone: users[fields.username!]?.phone ?? '', timeout: '300' }),
          }
        : { code: '23016' },
    requestSmsTransOtp: (fields) => {
      if (!owns(fields)) return { code: '23016' }
      lastDetails.sms = fields.details ?? ''
      return {
        code: '0',
        object: json({ phone: users[fields.username!]?.phone ?? '', timeout: '300' }),
      }
    },
    authSmsOtp: (fields) =>
      !owns(fields)
        ? { code: '23016' }
        : fields.smsOtp === fakeCodes.sms
          ? done(fields)
          : { code: '23008' },
    authoriseSmsTrans: (fields) => {
      if (!owns(fields)) return { code: '23016' }
      if (fields.details !== lastDetails.sms) return { code: '23008' }
      return fields.smsOtp === fakeCodes.sms ? done(fields) : { code: '23008' }
    },
    requestOtpChallenge: (fields) =>
      owns(fields) ? { code: '0', object: json({ otpChallenge: '12345678' }) } : { code: '23016' },
    requestTransactionSigningChallenge: (fields) => {
      if (!owns(fields)) return { code: '23016' }
      lastDetails.cr = fields.details ?? ''
      return { code: '0', object: json({ otpChallenge: '22334455' }) }
    },
    authCrOtp: (fields) =>
      !owns(fields)
        ? { code: '23016' }
        : fields.crOtp === fakeCodes.cr
          ? done(fields)
          : { code: '23001' },
    authTransactionSigningCrOtp: (fields) => {
      if (!owns(fields)) return { code: '23016' }
      if (fields.details !== lastDetails.cr) return { code: '23001' }
      return fields.otp === fakeCodes.cr ? { code: '0', object: '' } : { code: '23001' }
    },
    requestQrCode: (fields) => {
      if (!owns(fields)) return { code: '23016' }
      const details = new TextDecoder().decode(
        Uint8Array.from(atob(fields.details ?? ''), (char) => char.charCodeAt(0)),
      )
      lastDetails.qr = details
      qrState = 'pending'
      return {
        code: '0',
        object: json({
          qrCode: `centagate://qr?c=ABCDEF&u=${fields.username}`,
          otpChallenge: '87654321',
          plainText: `acc|req1|${details}`,
          authToken: rotate(fields),
        }),
      }
    },
    statecheck: (fields) => {
      if (!owns(fields)) return { code: '23016' }
      if (qrState === 'pending') return { code: '23007' }
      if (qrState === 'rejected') return { code: '23026' }
      return done(fields)
    },
    authQrCode: (fields) =>
      !owns(fields)
        ? { code: '23016' }
        : fields.otp === fakeCodes.qr
          ? done(fields)
          : { code: '23001' },
    authQRCode: (fields) => {
      if (!owns(fields)) return { code: '23016' }
      if (fields.isTransaction !== '1') return { code: '10002' }
      return fields.otp === fakeCodes.qr ? done(fields) : { code: '23001' }
    },
    registerActiveToken: async (fields) => {
      if (adminSecret === undefined) return { code: '10001' }
      const ok = await verifyCenToken(
        {
          secretCode: adminSecret.secretCode,
          adminUsername: 'admin',
          authToken: adminSecret.authToken,
        },
        fields.cenToken,
      )
      if (!ok) return { code: '10001' }
      if (users[fields.username ?? ''] === undefined) return { code: '22002' }
      registered.push({
        username: fields.username!,
        tokenSn: fields.tokenSn ?? '',
        tokenType: fields.tokenType ?? '',
      })
      return { code: '0', object: json({ boundUser: fields.username, boundTokenStatus: '1' }) }
    },
  }

  const routes: { path: string; endpoint: EndpointDefinition<EndpointName> }[] = endpointList.map(
    (endpoint) => ({
      path: `${basePaths[endpoint.base]}/${endpoint.path}`,
      endpoint,
    }),
  )
  const match = (pathname: string) => {
    for (const route of routes) {
      const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`)
      if (pattern.test(pathname)) return route.endpoint
    }
    return undefined
  }

  async function fetchImpl(input: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(input)
    const endpoint = match(url.pathname)
    if (endpoint === undefined) return new Response('not found', { status: 404 })
    const fields = JSON.parse(String(init.body ?? '{}')) as Record<string, string>
    calls.push({ endpoint: endpoint.name, fields })
    const reply = (value: Reply) =>
      new Response(json({ code: value.code, message: 'fake', object: value.object ?? '' }), {
        status: 200,
        headers: { 'content-type': 'application/json', date: new Date(now()).toUTCString() },
      })
    if (endpoint.auth === 'hmac') {
      if (fields.integrationKey !== options.integrationKey) return reply({ code: '23024' })
      const ok = await signer.verifyFields(endpoint.signedOrder, fields, fields.hmac)
      if (!ok) return reply({ code: '23022' })
      const skew = Math.abs(Number(fields.unixTimestamp) - Math.floor(now() / 1000))
      if (!(skew <= 300)) return reply({ code: '23023' })
    }
    const responder = overrides.get(endpoint.name) ?? behaviours[endpoint.name]
    if (responder === undefined) return reply({ code: '10002' })
    return reply(await responder(fields))
  }

  return {
    fetch: fetchImpl,
    calls,
    users,
    registered,
    lastDetails,
    /** Calls made, optionally to one endpoint. */
    count: (endpoint?: EndpointName) =>
      endpoint === undefined
        ? calls.length
        : calls.filter((call) => call.endpoint === endpoint).length,
    override: (endpoint: EndpointName, responder: Responder) => overrides.set(endpoint, responder),
    setQrState: (state: 'pending' | 'approved' | 'rejected') => {
      qrState = state
    },
    endpoints,
  }
}

export type FakeCentagate = ReturnType<typeof createFakeCentagate>
