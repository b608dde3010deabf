import { describe, expect, it } from 'vitest'
import { createCentagateHandler } from '../handler/create-centagate-handler'
import { ConfigError } from './config-error'
import { configFromEnv } from './config-from-env'

const secret = 'S'.repeat(40)

describe('configFromEnv', () => {
  it('reads every setting', () => {
    const config = configFromEnv({
      CENTAGATE_BASE_URL: 'https://cg.example',
      CENTAGATE_INTEGRATION_KEY: 'ik',
      CENTAGATE_SECRET_KEY: 'sk',
      CENTAGATE_ADMIN_USERNAME: 'admin',
      CENTAGATE_ADMIN_PASSWORD: 'pw',
      CENTAGATE_COOKIE_SECRETS: `new:${secret},old:${'o'.repeat(32)}`,
      CENTAGATE_TRUSTED_PROXY_COUNT: '1',
      CENTAGATE_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      UNRELATED: 'x',
    })
    expect(config).toEqual({
      centagate: { baseUrl: 'https://cg.example', integrationKey: 'ik', secretKey: 'sk' },
      cookieSecrets: [
        { id: 'new', secret },
        { id: 'old', secret: 'o'.repeat(32) },
      ],
      admin: { username: 'admin', password: 'pw' },
      trustedProxyCount: 1,
      allowedOrigins: ['https://a.example', 'https://b.example'],
    })
  })

  it('names EACH missing or malformed setting, never a value', () => {
    let error: unknown
    try {
      configFromEnv({
        CENTAGATE_BASE_URL: 'not a url',
        CENTAGATE_SECRET_KEY: '',
        CENTAGATE_ADMIN_USERNAME: 'admin',
        CENTAGATE_COOKIE_SECRET: 'short-secret-value',
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    const settings = (error as ConfigError).problems.map((problem) => problem.setting).sort()
    expect(settings).toEqual([
      'CENTAGATE_ADMIN_PASSWORD',
      'CENTAGATE_BASE_URL',
      'CENTAGATE_COOKIE_SECRET',
      'CENTAGATE_INTEGRATION_KEY',
      'CENTAGATE_SECRET_KEY',
    ])
    expect((error as Error).message).not.toContain('short-secret-value')
    expect((error as Error).message).not.toContain('not a url')
  })

  it('createCentagateHandler validates code config the same way', () => {
    expect(() =>
      createCentagateHandler({
        centagate: { baseUrl: 'ftp://x', integrationKey: '', secretKey: 'sk' },
        cookieSecrets: [{ id: 'k1', secret: 'too-short' }],
      }),
    ).toThrowError(ConfigError)
    try {
      createCentagateHandler({
        centagate: { baseUrl: 'ftp://x', integrationKey: '', secretKey: 'sk' },
        cookieSecrets: [{ id: 'k1', secret: 'too-short' }],
      })
    } catch (error) {
      const text = (error as Error).message
      expect(text).toContain('cookieSecrets.0.secret')
      expect(text).not.toContain('too-short')
    }
  })

  it('refuses an onAuditEvent that is not a function and a qrLoginText that is not display text', () => {
    let error: unknown
    try {
      createCentagateHandler({
        centagate: { baseUrl: 'https://cg.example', integrationKey: 'ik', secretKey: 'sk' },
        cookieSecrets: [{ id: 'k1', secret }],
        onAuditEvent: 'log' as never,
        qrLoginText: 'Sign in\u202e',
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).problems.map((problem) => problem.setting).sort()).toEqual([
      'onAuditEvent',
      'qrLoginText',
    ])
  })

  it('validates the limits, the factor-change age and the device cookie lifetime by name', () => {
    let error: unknown
    try {
      createCentagateHandler({
        centagate: { baseUrl: 'https://cg.example', integrationKey: 'ik', secretKey: 'sk' },
        cookieSecrets: [{ id: 'k1', secret }],
        limits: { smsGlobalPerHour: -1, challengeSendsPerHuor: 5 } as never,
        factorChangeMaxAgeSeconds: 5,
        deviceCookieMaxAgeDays: 1000,
        onFactorChanged: 'mail' as never,
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).problems.map((problem) => problem.setting).sort()).toEqual([
      'deviceCookieMaxAgeDays',
      'factorChangeMaxAgeSeconds',
      'limits',
      'limits.smsGlobalPerHour',
      'onFactorChanged',
    ])
    expect(() =>
      createCentagateHandler({
        centagate: { baseUrl: 'https://cg.example', integrationKey: 'ik', secretKey: 'sk' },
        cookieSecrets: [{ id: 'k1', secret }],
        limits: { smsCooldownMs: 0, challengeSendsPerHour: 1e9 },
        factorChangeMaxAgeSeconds: 600,
        deviceCookieMaxAgeDays: 30,
        onFactorChanged: () => undefined,
        onAuditEvent: () => undefined,
        qrLoginText: 'Sign in',
      }),
    ).not.toThrow()
  })
})
