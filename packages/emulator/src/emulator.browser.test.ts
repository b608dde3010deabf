// The emulator core in real Chromium (Storybook runs it there): a signed login with SMS OTP and a
// QR scan, using Web Crypto signing from protocol/signing's browser build.
import { endpointPath, endpoints, parseEnvelope } from '@centagate-kit/protocol'
import { createHmacSigner, signingEngine } from '@centagate-kit/protocol/signing'
import { describe, expect, it } from 'vitest'
import { createEmulator } from './emulator'

describe('emulator in the browser', () => {
  it('serves a signed SMS login with Web Crypto', async () => {
    expect(signingEngine).toBe('web-crypto')
    const emulator = createEmulator()
    const { integrationKey, secretKey } = emulator.credentials
    const signer = createHmacSigner(secretKey)
    const call = async (
      name: 'authBasic' | 'requestSmsOtp' | 'authSmsOtp',
      fields: Record<string, string>,
    ) => {
      const body: Record<string, string> = {
        ...fields,
        integrationKey,
        unixTimestamp: String(Math.floor(emulator.clock.now() / 1000)),
      }
      body.hmac = await signer.signFields(endpoints[name].signedOrder, body)
      const response = await emulator.fetch(
        new Request(`http://emulator.test${endpointPath(endpoints[name])}`, {
          method: 'POST',
          body: JSON.stringify(body),
        }),
      )
      return parseEnvelope(await response.text())
    }
    const login = await call('authBasic', { username: 'bob', password: 'bob-password' })
    expect(login.code).toBe('0')
    const authToken = (login.object as { authToken: string }).authToken
    expect((await call('requestSmsOtp', { username: 'bob', authToken })).code).toBe('0')
    const outbox = (await (
      await emulator.fetch(new Request('http://emulator.test/__emulator/outbox?username=bob'))
    ).json()) as {
      messages: { code: string }[]
    }
    const smsOtp = outbox.messages[0]?.code ?? ''
    const done = await call('authSmsOtp', { username: 'bob', smsOtp, authToken })
    expect(done.code).toBe('0')
    expect((done.object as { secretCode: string }).secretCode).toHaveLength(32)
  })
})
