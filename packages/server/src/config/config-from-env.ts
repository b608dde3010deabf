/**
 * Configuration from environment variables:
 * `CENTAGATE_BASE_URL`, `CENTAGATE_INTEGRATION_KEY`, `CENTAGATE_SECRET_KEY`,
 * `CENTAGATE_ADMIN_USERNAME` + `CENTAGATE_ADMIN_PASSWORD` (optional, together),
 * `CENTAGATE_COOKIE_SECRET` (one secret) or `CENTAGATE_COOKIE_SECRETS` (`id:secret,id:secret`,
 * first = current), optional `CENTAGATE_TIMEOUT_MS`, `CENTAGATE_TRUSTED_PROXY_COUNT`,
 * `CENTAGATE_ALLOWED_ORIGINS` (comma-separated), `CENTAGATE_SIGNED_ORDER` (JSON: what
 * `centagate-kit doctor --json` printed, or its `signedOrder` map).
 */
import { z } from 'zod'
import type { CookieSecret } from '../flow/flow-cookie'
import { ConfigError } from './config-error'
import type { CentagateHandlerConfig } from './handler-config'
import { parseSignedOrderJson, signedOrderConfig } from './signed-order-config'

export type EnvConfig = Pick<
  CentagateHandlerConfig,
  'centagate' | 'cookieSecrets' | 'admin' | 'trustedProxyCount' | 'allowedOrigins'
>

const required = (name: string) =>
  z.string({ error: 'is missing' }).trim().min(1, `${name} is empty`)
const secret = z.string().min(32, 'must be at least 32 characters')
const integer = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number)

const envSchema = z.object({
  CENTAGATE_BASE_URL: z
    .string({ error: 'is missing' })
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  CENTAGATE_INTEGRATION_KEY: required('CENTAGATE_INTEGRATION_KEY'),
  CENTAGATE_SECRET_KEY: required('CENTAGATE_SECRET_KEY'),
  CENTAGATE_ADMIN_USERNAME: z.string().trim().min(1).optional(),
  CENTAGATE_ADMIN_PASSWORD: z.string().min(1).optional(),
  CENTAGATE_COOKIE_SECRET: secret.optional(),
  CENTAGATE_COOKIE_SECRETS: z
    .string()
    .optional()
    .refine(
      (value) =>
        value === undefined ||
        value.split(',').every((entry) => /^[A-Za-z0-9._-]{1,32}:.{32,}$/.test(entry.trim())),
      'must be id:secret pairs separated by commas, each secret at least 32 characters',
    ),
  CENTAGATE_TIMEOUT_MS: integer.optional(),
  CENTAGATE_TRUSTED_PROXY_COUNT: integer.optional(),
  CENTAGATE_ALLOWED_ORIGINS: z.string().optional(),
  CENTAGATE_SIGNED_ORDER: z
    .string()
    .transform((text, context) => {
      try {
        return parseSignedOrderJson(text)
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON (centagate-kit doctor --json)' })
        return z.NEVER
      }
    })
    .pipe(signedOrderConfig)
    .optional(),
})

/**
 * Reads the settings from `env` (e.g. `process.env`). Empty strings count as missing.
 * @throws ConfigError listing each missing or malformed variable by name, never its value.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): EnvConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) => name.startsWith('CENTAGATE_') && value !== undefined && value !== '',
    ),
  )
  const result = envSchema.safeParse(cleaned)
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => ({
        setting: String(issue.path[0] ?? '(environment)'),
        problem: issue.message,
      }))
  // Checks across variables run even when others failed, so every problem is named at once.
  if (
    cleaned.CENTAGATE_COOKIE_SECRET === undefined &&
    cleaned.CENTAGATE_COOKIE_SECRETS === undefined
  ) {
    problems.push({
      setting: 'CENTAGATE_COOKIE_SECRET',
      problem: 'is missing (or set CENTAGATE_COOKIE_SECRETS)',
    })
  }
  const hasUser = cleaned.CENTAGATE_ADMIN_USERNAME !== undefined
  if (hasUser !== (cleaned.CENTAGATE_ADMIN_PASSWORD !== undefined)) {
    problems.push({
      setting: hasUser ? 'CENTAGATE_ADMIN_PASSWORD' : 'CENTAGATE_ADMIN_USERNAME',
      problem: 'is missing (admin username and password go together)',
    })
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems)
  const data = result.data
  const cookieSecrets: CookieSecret[] =
    data.CENTAGATE_COOKIE_SECRETS !== undefined
      ? data.CENTAGATE_COOKIE_SECRETS.split(',').map((entry) => {
          const trimmed = entry.trim()
          const index = trimmed.indexOf(':')
          return { id: trimmed.slice(0, index), secret: trimmed.slice(index + 1) }
        })
      : [{ id: 'k1', secret: data.CENTAGATE_COOKIE_SECRET! }]
  const config: EnvConfig = {
    centagate: {
      baseUrl: data.CENTAGATE_BASE_URL,
      integrationKey: data.CENTAGATE_INTEGRATION_KEY,
      secretKey: data.CENTAGATE_SECRET_KEY,
      ...(data.CENTAGATE_TIMEOUT_MS === undefined ? {} : { timeoutMs: data.CENTAGATE_TIMEOUT_MS }),
      ...(data.CENTAGATE_SIGNED_ORDER === undefined
        ? {}
        : { signedOrder: data.CENTAGATE_SIGNED_ORDER }),
    },
    cookieSecrets,
  }
  if (data.CENTAGATE_ADMIN_USERNAME !== undefined && data.CENTAGATE_ADMIN_PASSWORD !== undefined) {
    config.admin = {
      username: data.CENTAGATE_ADMIN_USERNAME,
      password: data.CENTAGATE_ADMIN_PASSWORD,
    }
  }
  if (data.CENTAGATE_TRUSTED_PROXY_COUNT !== undefined) {
    config.trustedProxyCount = data.CENTAGATE_TRUSTED_PROXY_COUNT
  }
  if (data.CENTAGATE_ALLOWED_ORIGINS !== undefined) {
    config.allowedOrigins = data.CENTAGATE_ALLOWED_ORIGINS.split(',').map((origin) => origin.trim())
  }
  return config
}
