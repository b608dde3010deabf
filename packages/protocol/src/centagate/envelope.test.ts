// Envelope parsing with each quirk of API.md 1.3.
import { describe, expect, it } from 'vitest'
import { endpoints } from './endpoints'
import {
  EnvelopeError,
  decodePayload,
  isSuccess,
  parseEnvelope,
  safeParseEnvelope,
} from './envelope'

const reason = (body: unknown) => {
  const result = safeParseEnvelope(body)
  return result.ok ? 'ok' : result.error.reason
}

describe('parseEnvelope', () => {
  it('parses `object` a second time when it is JSON text', () => {
    const body = JSON.stringify({
      code: '0',
      message: 'Success',
      object: JSON.stringify({ authToken: 'T', secretCode: '', authMethods: 'SMS,CROTP,QRCODE' }),
    })
    const envelope = parseEnvelope(body)
    expect(isSuccess(envelope)).toBe(true)
    expect(envelope.object).toEqual({
      authToken: 'T',
      secretCode: '',
      authMethods: 'SMS,CROTP,QRCODE',
    })
  })

  it('accepts `code` as a string or a number (listMultipleUserDevice answers a number)', () => {
    expect(parseEnvelope({ code: 0, message: '', object: '' }).code).toBe('0')
    expect(parseEnvelope({ code: '23022', message: 'x', object: '' }).code).toBe('23022')
    expect(parseEnvelope({ code: ' 0 ', object: '' }).code).toBe('0')
  })

  it('treats `""`, null and a missing object as absent', () => {
    expect(parseEnvelope({ code: '23008', message: 'Invalid', object: '' }).object).toBeUndefined()
    expect(parseEnvelope({ code: '0', message: '', object: null }).object).toBeUndefined()
    expect(parseEnvelope({ code: '0' }).object).toBeUndefined()
    expect(parseEnvelope({ code: '0' }).message).toBe('')
  })

  it('keeps a real JSON object (admin calls) and a bare value (token status, user id)', () => {
    const devices = parseEnvelope({
      code: 0,
      message: '',
      object: { deviceList: [{ accountId: 'a' }] },
    })
    expect(devices.object).toEqual({ deviceList: [{ accountId: 'a' }] })
    expect(parseEnvelope({ code: '0', object: '3' }).object).toBe('3')
    expect(parseEnvelope({ code: '0', object: [{ id: 1, question: 'q' }] }).object).toEqual([
      { id: 1, question: 'q' },
    ])
  })

  it('keeps the object of an error (requestSmsOtp 23002 carries phone/timeout)', () => {
    const envelope = parseEnvelope({
      code: '23002',
      message: 'Wait',
      object: '{"phone":"+6012","timeout":"300"}',
    })
    expect(isSuccess(envelope)).toBe(false)
    expect(envelope.object).toEqual({ phone: '+6012', timeout: '300' })
  })

  it('rejects bodies that are not envelopes with a typed reason', () => {
    expect(reason('<html>Bad gateway</html>')).toBe('not_json')
    expect(reason('{"code":"0",')).toBe('not_json')
    expect(reason('[]')).toBe('not_an_envelope')
    expect(reason('null')).toBe('not_an_envelope')
    expect(reason('"0"')).toBe('not_an_envelope')
    expect(reason({ message: 'no code' })).toBe('not_an_envelope')
    expect(reason({ code: true })).toBe('bad_code')
    expect(reason({ code: '0.0' })).toBe('bad_code')
    expect(reason({ code: 1.5 })).toBe('bad_code')
    expect(reason({ code: {} })).toBe('bad_code')
    expect(reason({ code: '0', message: 7 })).toBe('bad_message')
    expect(reason({ code: '0', object: '{"authToken":' })).toBe('bad_object_json')
    expect(() => parseEnvelope('nope')).toThrow(EnvelopeError)
  })
})

describe('decodePayload', () => {
  it('decodes the authentication result object, splitting authMethods', () => {
    const envelope = parseEnvelope({
      code: '0',
      object: JSON.stringify({
        authToken: 'T',
        secretCode: '',
        authMethods: 'sms, CROTP ,QRCODE',
        multiStepAuth: 'true',
        extra: 'kept',
      }),
    })
    const payload = decodePayload(endpoints.authBasic, envelope)
    expect(payload.authMethods).toEqual(['SMS', 'CROTP', 'QRCODE'])
    expect(payload.multiStepAuth).toBe('true')
    expect(payload.secretCode).toBe('')
    expect(payload).toHaveProperty('extra', 'kept')
  })

  it('normalises numeric members given as strings or numbers', () => {
    const asString = decodePayload(
      endpoints.requestSmsOtp,
      parseEnvelope({ code: '0', object: '{"phone":"+60123","timeout":"300"}' }),
    )
    const asNumber = decodePayload(
      endpoints.requestSmsOtp,
      parseEnvelope({ code: '0', object: '{"phone":"+60123","timeout":300}' }),
    )
    expect(asString.timeout).toBe(300)
    expect(asNumber.timeout).toBe(300)
  })

  it('decodes the real JSON object of listMultipleUserDevice', () => {
    const payload = decodePayload(
      endpoints.listMultipleUserDevice,
      parseEnvelope({
        code: 0,
        object: { deviceList: [{ accountId: 'ab12', deviceName: 'Pixel' }] },
      }),
    )
    expect(payload.deviceList[0]?.accountId).toBe('ab12')
  })

  it('accepts an empty object for undocumented transaction results', () => {
    expect(
      decodePayload(endpoints.authoriseSmsTrans, parseEnvelope({ code: '0', object: '' })),
    ).toBeUndefined()
  })

  it('reports a payload that does not match without echoing values', () => {
    const envelope = parseEnvelope({
      code: '0',
      object: '{"qrCode":"secret-qr","otpChallenge":""}',
    })
    try {
      decodePayload(endpoints.requestQrCode, envelope)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EnvelopeError)
      expect((error as EnvelopeError).reason).toBe('bad_payload')
      expect((error as Error).message).not.toContain('secret-qr')
      expect((error as Error).message).toContain('otpChallenge')
    }
  })
})
