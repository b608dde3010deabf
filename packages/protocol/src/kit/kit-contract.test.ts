import { describe, expect, expectTypeOf, it } from 'vitest'
import { kitErrorCodes, kitErrors } from './errors'
import { kitErrorBody, kitRouteSchemas } from './kit-zod-schemas'
import { kitMethodsFromAuthMethods } from './methods'
import { maskPhone } from './mask-phone'
import { isValidOtpCode } from './browser-checks/generated'
import { kitRouteDeclarations, kitRouteList } from './routes/kit-routes'
import type { KitRequest, KitResponse, KitRouteError } from './routes/kit-routes'
import { everyRouteErrors } from './routes/route-errors'
import type { FlowResponse } from './shapes/flow-response'
import { formatStepUpChallenge, isStepUpChallenge } from './step-up-challenge'
import { kitRouteUrl } from './transport'

const device = { userAgent: 'Mozilla/5.0', browserFp: 'a1b2c3d4e5f6a7b8c9d0' }
const loginStartRequest = kitRouteSchemas['login/start'].request
const smsVerifyRequest = kitRouteSchemas['sms/verify'].request
const tokensRegisterRequest = kitRouteSchemas['tokens/register'].request
const smsSendResponse = kitRouteSchemas['sms/send'].response
const flowResponse = kitRouteSchemas['sms/verify'].response

describe('kit route declarations', () => {
  it('have unique paths and client method names, and a zod schema pair each', () => {
    const paths = kitRouteDeclarations.map((route) => route.path)
    const methods = kitRouteDeclarations.map((route) => route.clientMethod)
    expect(new Set(paths).size).toBe(paths.length)
    expect(new Set(methods).size).toBe(methods.length)
    expect(kitRouteList).toEqual(paths)
    expect(Object.keys(kitRouteSchemas).sort()).toEqual([...paths].sort())
    expect(kitRouteUrl('/api/centagate/', 'sms/send')).toBe('/api/centagate/sms/send')
  })

  it('declare only known kit error codes, none twice with the every-route codes', () => {
    for (const route of kitRouteDeclarations) {
      for (const code of route.errors) expect(kitErrorCodes, route.path).toContain(code)
    }
    for (const code of everyRouteErrors) expect(kitErrorCodes).toContain(code)
  })

  it('make every request carry the device signals', () => {
    for (const route of kitRouteDeclarations) {
      const options = route.request.kind === 'union' ? route.request.options : [route.request]
      for (const option of options)
        expect(Object.keys(option.shape), route.path).toContain('device')
    }
  })

  it('type bodies from the declarations', () => {
    expectTypeOf<KitRequest<'sms/verify'>>().toEqualTypeOf<{
      code: string
      device: { userAgent: string; browserFp: string }
    }>()
    expectTypeOf<KitRequest<'tokens/register'>['kind']>().toEqualTypeOf<'sms' | 'hardware'>()
    expectTypeOf<KitResponse<'sms/verify'>>().toEqualTypeOf<FlowResponse>()
    expectTypeOf<KitResponse<'flow/cancel'>>().toEqualTypeOf<{
      status: 'cancelled'
      serverTime: number
    }>()
    expectTypeOf<'otp_invalid'>().toExtend<KitRouteError<'sms/verify'>>()
    expectTypeOf<'otp_invalid'>().not.toExtend<KitRouteError<'flow/cancel'>>()
  })
})

describe('the one-time-code format', () => {
  it('is 4 to 10 ASCII digits', () => {
    for (const code of ['1234', '123456', '1234567890'])
      expect(isValidOtpCode(code), code).toBe(true)
    for (const code of ['123', '12345678901', '12a456', '12 34', '１２３４５６', ''])
      expect(isValidOtpCode(code), code).toBe(false)
  })
})

describe('request schemas', () => {
  it('accept what the browser legitimately sends', () => {
    expect(loginStartRequest.parse({ username: 'alice', password: 'pw', device })).toMatchObject({
      username: 'alice',
    })
    expect(smsVerifyRequest.parse({ code: '123456', device }).code).toBe('123456')
    expect(
      tokensRegisterRequest.parse({ kind: 'hardware', serial: ' cr0000002 ', device }),
    ).toMatchObject({ serial: 'CR0000002' })
  })

  it('reject anything the server must add itself or never accept', () => {
    for (const extra of [
      'authToken',
      'hmac',
      'integrationKey',
      'unixTimestamp',
      'ipAddress',
      '__proto__',
    ]) {
      const body = JSON.parse(
        `{"code":"123456","device":${JSON.stringify(device)},"${extra}":"x"}`,
      ) as unknown
      expect(smsVerifyRequest.safeParse(body).success, extra).toBe(false)
    }
    expect(smsVerifyRequest.safeParse({ code: '12 34 56', device }).success).toBe(false)
    expect(smsVerifyRequest.safeParse({ code: '１２３４５６', device }).success).toBe(false)
    expect(loginStartRequest.safeParse({ username: 'a\nb', device }).success).toBe(false)
    expect(loginStartRequest.safeParse({ username: 'x'.repeat(65), device }).success).toBe(false)
    expect(
      smsVerifyRequest.safeParse({
        code: '123456',
        device: { userAgent: 'x', browserFp: '<script>' },
      }).success,
    ).toBe(false)
    expect(
      tokensRegisterRequest.safeParse({ kind: 'sms', phoneNumber: '0123', device }).success,
    ).toBe(false)
  })
})

describe('response schemas', () => {
  it('refuse a response that leaks upstream fields', () => {
    const sent = {
      status: 'sent',
      method: 'sms',
      maskedPhone: '•••• 6789',
      expiresAt: 1,
      resendAvailableAt: 1,
      sendsLeft: 4,
      attemptsLeft: 5,
      serverTime: 1,
    }
    expect(smsSendResponse.safeParse(sent).success).toBe(true)
    expect(smsSendResponse.safeParse({ ...sent, authToken: 'T' }).success).toBe(false)
    const done = {
      status: 'authenticated',
      flow: 'login',
      method: 'sms',
      authTime: 1,
      serverTime: 1,
    }
    expect(flowResponse.safeParse(done).success).toBe(true)
    expect(flowResponse.safeParse({ ...done, secretCode: 'S' }).success).toBe(false)
  })

  it('describe errors with a stable code', () => {
    const body = {
      error: {
        code: 'otp_invalid',
        messageKey: 'centagate.invalid_sms_otp',
        returnCode: '23008',
        attemptsLeft: 3,
      },
      requestId: 'r1',
    }
    expect(kitErrorBody.parse(body).error.code).toBe('otp_invalid')
    expect(
      kitErrorBody.safeParse({ ...body, error: { ...body.error, code: 'nope' } }).success,
    ).toBe(false)
    for (const code of kitErrorCodes) expect(kitErrors[code].status).toBeGreaterThanOrEqual(400)
  })
})

describe('helpers', () => {
  it('map authMethods to kit methods, SMS last', () => {
    expect(kitMethodsFromAuthMethods(['SMS', 'CROTP', 'QRCODE'])).toEqual([
      'qr',
      'challenge',
      'sms',
    ])
    expect(kitMethodsFromAuthMethods(['sms', 'PASS', 'FIDO'])).toEqual(['sms'])
    expect(kitMethodsFromAuthMethods(['QR'])).toEqual(['qr'])
    expect(kitMethodsFromAuthMethods([])).toEqual([])
  })

  it('mask phones to the last four digits', () => {
    expect(maskPhone('+60123456789')).toBe('•••• 6789')
    expect(maskPhone('123')).toBe('••••')
  })

  it('format and recognise the RFC 9470 step-up challenge', () => {
    const header = formatStepUpChallenge({ maxAgeSeconds: 300 })
    expect(header).toContain('error="insufficient_user_authentication"')
    expect(header).toContain('max_age=300')
    expect(isStepUpChallenge(header)).toBe(true)
    expect(isStepUpChallenge('Bearer error="invalid_token"')).toBe(false)
    expect(isStepUpChallenge(null)).toBe(false)
  })
})
